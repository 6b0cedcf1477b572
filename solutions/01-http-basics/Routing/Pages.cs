using System.Net;
using System.Text;
using HttpBasics.Http;

namespace HttpBasics.Routing;

/// <summary>The page at <c>/</c>: it shows the visitor the very request their browser just sent.</summary>
public static class Pages
{
    public static string RequestEcho(HttpRequest request)
    {
        var headerRows = new StringBuilder();
        foreach (var (name, value) in request.Headers.Fields)
        {
            headerRows.Append("<tr><th>").Append(Encode(name)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>\n");
        }

        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>What your browser just sent</title>
              <style>
                body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
                pre { background: #f4f4f4; padding: 1rem; white-space: pre-wrap; overflow-wrap: anywhere; border-left: 4px solid #3b82f6; }
                th { text-align: left; padding-right: 1rem; vertical-align: top; white-space: nowrap; }
                td { overflow-wrap: anywhere; }
                code { background: #f4f4f4; padding: 0 .2rem; }
              </style>
            </head>
            <body>
              <h1>What your browser just sent</h1>
              <p>Your browser opened a TCP connection to this server and wrote these lines of text into it.
                 This server read them, wrote this page back, and closed the connection.</p>
              <pre id="raw-request">{{Encode(request.RawHead.TrimEnd('\r', '\n'))}}</pre>
              <h2>Reading it</h2>
              <ul>
                <li>The <strong>request line</strong> names the method (<code>{{Encode(request.Method)}}</code>),
                    the target (<code>{{Encode(request.Path)}}</code>) and the version (<code>{{Encode(request.Line.Version)}}</code>).</li>
                <li>Each <strong>header line</strong> is a <code>Name: value</code> pair about the request:</li>
              </ul>
              <table id="headers">
            {{headerRows}}  </table>
              <p>A <strong>blank line</strong> ends the head. This request has no body; a POST would carry one after that line.</p>
              <h2>Try more</h2>
              <ul>
                <li><a href="/hello?name=Ana">/hello?name=Ana</a> answers in plain text.</li>
                <li><a href="/nowhere">/nowhere</a> does not exist: look at the 404 in your browser's network tab.</li>
              </ul>
              <form method="post" action="/echo" enctype="text/plain">
                <label>Send a body to <code>POST /echo</code>: <input name="message" value="hi"></label>
                <button>Send</button>
              </form>
            </body>
            </html>
            """;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
