using System.Globalization;
using System.Security;
using System.Text;

namespace Workshop.Bench.Output;

/// <summary>A little SVG writer for the charts: text is escaped, numbers are written the same in every culture.</summary>
public sealed class Svg(double width, double height)
{
    private readonly StringBuilder _body = new();

    public static readonly IReadOnlyDictionary<string, string> Colours = new Dictionary<string, string>
    {
        ["polling-1000ms"] = "#c0392b",
        ["polling-250ms"] = "#e67e22",
        ["long-polling"] = "#2471a3",
        ["websocket"] = "#1e8449",
        ["chat"] = "#1e8449",
        ["signalr"] = "#7d3c98",
    };

    public static string ColourOf(string key) => Colours.TryGetValue(key, out var colour) ? colour : "#555555";

    public Svg Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1, string extra = "") =>
        Add($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\" {extra}/>");

    public Svg Rect(double x, double y, double w, double h, string fill) =>
        Add($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(w, 0))}\" height=\"{N(h)}\" fill=\"{fill}\"/>");

    public Svg Circle(double x, double y, double r, string fill) =>
        Add($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\" fill=\"{fill}\"/>");

    public Svg Polyline(IEnumerable<(double X, double Y)> points, string stroke, double strokeWidth = 2) =>
        Add($"<polyline fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\" points=\"{string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"))}\"/>");

    public Svg Text(double x, double y, string text, double size = 13, string anchor = "start", string fill = "#222", string weight = "normal") =>
        Add($"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" text-anchor=\"{anchor}\" fill=\"{fill}\" font-weight=\"{weight}\">{SecurityElement.Escape(text)}</text>");

    public override string ToString() =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\" " +
        "font-family=\"Segoe UI, Helvetica, Arial, sans-serif\">\n" +
        $"<rect width=\"{N(width)}\" height=\"{N(height)}\" fill=\"white\"/>\n{_body}</svg>\n";

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A number for a label: no decimals from 10 up, one from 1, up to three significant ones below.</summary>
    public static string Label(double value) =>
        value.ToString(value >= 10 ? "N0" : value >= 1 ? "0.0" : value >= 0.01 ? "0.0##" : "0.####", CultureInfo.InvariantCulture);

    public Svg Add(string element)
    {
        _body.Append(element).Append('\n');
        return this;
    }
}
