using System.Text;

namespace CondorActors.Domain.Condor.Submit;

/// <summary>
/// The "new syntax" of <c>arguments</c> and <c>environment</c> (condor_submit manual): the whole
/// value in double quotes, a literal double quote written <c>""</c>; inside, white space separates
/// items, single quotes group (a literal single quote inside them is <c>''</c>).
/// </summary>
internal static class SubmitQuoting
{
    /// <summary><c>"a 'b c' 'it''s'"</c> for the arguments <c>a</c>, <c>b c</c>, <c>it's</c>.</summary>
    public static string Arguments(IEnumerable<string> arguments)
    {
        var body = new StringBuilder();
        foreach (var argument in arguments)
        {
            if (body.Length > 0)
            {
                body.Append(' ');
            }

            AppendItem(body, argument);
        }

        return Wrap(body.ToString());
    }

    /// <summary>A client's arguments string, already in the new syntax's inner form: only double quotes need escaping.</summary>
    public static string ArgumentsText(string text) => Wrap(text);

    /// <summary><c>"A=1 B='x y'"</c>.</summary>
    public static string Environment(IEnumerable<KeyValuePair<string, string>> variables)
    {
        var body = new StringBuilder();
        foreach (var (name, value) in variables)
        {
            if (body.Length > 0)
            {
                body.Append(' ');
            }

            body.Append(name).Append('=');
            AppendItem(body, value);
        }

        return Wrap(body.ToString());
    }

    /// <summary>
    /// Whether single quotes in a new-syntax arguments string are balanced (<c>''</c> inside a
    /// quoted run is a literal quote); unbalanced ones make condor_submit fail.
    /// </summary>
    public static bool HasBalancedSingleQuotes(string text)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\'')
            {
                continue;
            }

            if (quoted && i + 1 < text.Length && text[i + 1] == '\'')
            {
                i++;
                continue;
            }

            quoted = !quoted;
        }

        return !quoted;
    }

    private static void AppendItem(StringBuilder body, string item)
    {
        if (item.Length > 0 && !item.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"'))
        {
            body.Append(item);
            return;
        }

        body.Append('\'').Append(item.Replace("'", "''", StringComparison.Ordinal)).Append('\'');
    }

    private static string Wrap(string body) => "\"" + body.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
