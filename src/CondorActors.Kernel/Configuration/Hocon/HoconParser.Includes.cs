using System.Text;

namespace CondorActors.Kernel.Configuration.Hocon;

internal sealed partial class HoconParser
{
    private const string IncludeSyntax = "include \"name\", include file(\"name\"), include classpath(\"name\"), include url(\"name\") or include required(...)";

    /// <summary>
    /// <c>include "x"</c>, <c>include file("x")</c>, <c>include classpath("x")</c>,
    /// <c>include url("x")</c>, each optionally wrapped in <c>required(...)</c> (HOCON.md,
    /// include syntax). The included root's fields are merged here, at the point of inclusion.
    /// </summary>
    private void ParseInclude(ref ObjectFields obj)
    {
        var includeToken = Peek();
        Advance();
        SkipBlank();
        var prefix = new StringBuilder();
        HoconToken? name = null;
        var suffix = new StringBuilder();
        while (true)
        {
            var t = Peek();
            if (t.Kind == HoconTokenKind.Whitespace)
            {
                Advance();
                continue;
            }

            if (t.Kind == HoconTokenKind.UnquotedText)
            {
                (name is null ? prefix : suffix).Append(t.Text);
                Advance();
                continue;
            }

            if (t.Kind == HoconTokenKind.QuotedString && name is null)
            {
                name = t;
                Advance();
                continue;
            }

            if (name is null)
            {
                throw Error(t, $"expected a quoted file name after 'include' ({IncludeSyntax}), found {t.Describe()}");
            }

            if (t.Kind is not (HoconTokenKind.Newline or HoconTokenKind.Comma or HoconTokenKind.CloseBrace or HoconTokenKind.Eof))
            {
                throw Error(t, $"expected ',' or a newline after the include statement, found {t.Describe()}");
            }

            break;
        }

        var wrapper = prefix.ToString();
        var required = false;
        if (wrapper.StartsWith("required(", StringComparison.Ordinal))
        {
            required = true;
            wrapper = wrapper["required(".Length..];
        }

        var kind = wrapper switch
        {
            "" => HoconIncludeKind.Heuristic,
            "file(" => HoconIncludeKind.File,
            "classpath(" => HoconIncludeKind.Classpath,
            "url(" => HoconIncludeKind.Url,
            _ => throw Error(includeToken, $"expected {IncludeSyntax}, found include {prefix}\"{name.Value.Text}\"{suffix}"),
        };
        var expectedClose = new string(')', (required ? 1 : 0) + (kind == HoconIncludeKind.Heuristic ? 0 : 1));
        if (suffix.ToString() != expectedClose)
        {
            throw Error(name.Value, $"expected '{expectedClose}' after the include name \"{name.Value.Text}\", found '{suffix}'");
        }

        var included = _loader.Include(_document, new HoconInclude(kind, name.Value.Text, required, includeToken.Origin), CurrentPath(), _includeStack);
        if (included is not null)
        {
            Unresolved(ref obj).AddAll(included);
        }
    }
}
