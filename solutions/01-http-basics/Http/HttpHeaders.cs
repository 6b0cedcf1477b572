namespace HttpBasics.Http;

/// <summary>
/// The header fields of a message.
/// Field names are case-insensitive (RFC 9110 §5.1, https://www.rfc-editor.org/rfc/rfc9110#section-5.1)
/// and a field may appear more than once (RFC 9110 §5.3, https://www.rfc-editor.org/rfc/rfc9110#section-5.3).
/// </summary>
public sealed class HttpHeaders
{
    // BEGIN TODO 1: Choose a dictionary that finds "content-length" when asked for "Content-Length".
    //   Hint: a Dictionary takes an IEqualityComparer<string>; StringComparer has a case-insensitive one.
    // STUB: private readonly Dictionary<string, List<string>> _fields = new();
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.OrdinalIgnoreCase);
    // END TODO

    // Every field as it arrived, for showing the request back; the dictionary above is for finding a field by name.
    private readonly List<KeyValuePair<string, string>> _inArrivalOrder = [];

    /// <summary>Adds one field. A repeated name keeps every value, in the order they arrived.</summary>
    public void Add(string name, string value)
    {
        _inArrivalOrder.Add(new(name, value));
        // BEGIN TODO 1: Store the value under its name; a second "Accept" line adds a value, it does not replace one.
        if (!_fields.TryGetValue(name, out var values))
        {
            values = [];
            _fields[name] = values;
        }
        values.Add(value);
        // END TODO
    }

    /// <summary>Every value of a field, in arrival order; empty when the field is absent.</summary>
    public IReadOnlyList<string> GetValues(string name) =>
        _fields.TryGetValue(name, out var values) ? values : [];

    public bool Contains(string name) => _fields.ContainsKey(name);

    /// <summary>How many distinct field names there are.</summary>
    public int Count => _fields.Count;

    /// <summary>Every field in the order it arrived, each name spelled as the client sent it; read-only.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => _inArrivalOrder.AsReadOnly();
}
