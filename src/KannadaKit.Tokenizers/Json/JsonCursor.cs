using System.Text.Json;

namespace KannadaKit.Tokenizers.Json;

/// <summary>A JSON value with its path ($.model.merges[3]) so every error can say where it is.</summary>
internal readonly record struct JsonCursor(JsonElement Element, string Path, string File)
{
    public JsonValueKind Kind => Element.ValueKind;

    public bool IsNull => Element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    public TokenizerFormatException Error(string detail) => new(File, Path, detail);

    public JsonCursor Required(string name)
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw Error($"expected an object with \"{name}\", found {Describe()}");
        }

        if (!TryGet(name, out var value))
        {
            throw Error($"missing \"{name}\"");
        }

        return new JsonCursor(value, Path + "." + name, File);
    }

    public JsonCursor? Optional(string name)
    {
        if (Element.ValueKind == JsonValueKind.Object && TryGet(name, out var value)
            && value.ValueKind != JsonValueKind.Null)
        {
            return new JsonCursor(value, Path + "." + name, File);
        }

        return null;
    }

    public bool Has(string name) => Element.ValueKind == JsonValueKind.Object && TryGet(name, out _);

    /// <summary>Looking a name up compares it with every key, unescaping each; a key holding an unpaired surrogate
    /// escape makes System.Text.Json throw, which is the file's fault, not ours.</summary>
    private bool TryGet(string name, out JsonElement value)
    {
        try
        {
            return Element.TryGetProperty(name, out value);
        }
        catch (InvalidOperationException)
        {
            throw Error("a key holds an unpaired surrogate escape (\\uD800-\\uDFFF); expected valid UTF-16");
        }
    }

    public string String()
    {
        if (Element.ValueKind != JsonValueKind.String)
        {
            throw Error($"expected a string, found {Describe()}");
        }

        return Text(Element);
    }

    /// <summary>A string's value; an escaped unpaired surrogate (\uD800 alone) is a format error, not an internal one.</summary>
    private string Text(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Error("a string holds an unpaired surrogate escape (\\uD800-\\uDFFF); expected valid UTF-16");
        }
    }

    public int Int()
    {
        if (Element.ValueKind != JsonValueKind.Number || !Element.TryGetInt32(out var v))
        {
            throw Error($"expected an integer, found {Describe()}");
        }

        return v;
    }

    public double Double()
    {
        if (Element.ValueKind != JsonValueKind.Number)
        {
            throw Error($"expected a number, found {Describe()}");
        }

        return Element.GetDouble();
    }

    public bool Bool()
    {
        return Element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error($"expected true or false, found {Describe()}"),
        };
    }

    public string? OptString(string name) => Optional(name)?.String();

    public bool OptBool(string name, bool fallback) => Optional(name)?.Bool() ?? fallback;

    public int? OptInt(string name) => Optional(name)?.Int();

    public IEnumerable<JsonCursor> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            throw Error($"expected an array, found {Describe()}");
        }

        var i = 0;
        foreach (var item in Element.EnumerateArray())
        {
            yield return new JsonCursor(item, $"{Path}[{i++}]", File);
        }
    }

    public IEnumerable<(string Name, JsonCursor Value)> Properties()
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw Error($"expected an object, found {Describe()}");
        }

        foreach (var p in Element.EnumerateObject())
        {
            string name;
            try
            {
                name = p.Name;
            }
            catch (InvalidOperationException)
            {
                throw Error("a key holds an unpaired surrogate escape (\\uD800-\\uDFFF); expected valid UTF-16");
            }
            yield return (name, new JsonCursor(p.Value, $"{Path}[\"{name}\"]", File));
        }
    }

    public int Count => Element.ValueKind == JsonValueKind.Array ? Element.GetArrayLength() : 0;

    private string Describe() => Element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => Element.ValueEquals("") || Element.GetRawText().Length < 200 ? $"the string {Element.GetRawText()}" : "a string",
        JsonValueKind.Number => $"the number {Element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => Element.GetRawText(),
        _ => "null",
    };
}
