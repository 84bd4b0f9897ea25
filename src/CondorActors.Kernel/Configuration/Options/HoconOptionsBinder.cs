using System.Globalization;
using System.Reflection;
using CondorActors.Kernel.Configuration.Hocon;
using Microsoft.Extensions.Configuration;

namespace CondorActors.Kernel.Configuration.Options;

/// <summary>
/// Binds options the way HOCON means them: <c>TimeSpan</c> from durations (<c>5s</c>, <c>1.5h</c>,
/// bare numbers are milliseconds), <c>[ByteSize]</c> longs from sizes (<c>512 MiB</c>), booleans
/// from true/yes/on/false/no/off (HOCON.md, automatic type conversions), <c>List&lt;string&gt;</c>
/// from arrays or comma-separated text, <c>Dictionary&lt;string, string&gt;</c> from objects. The stock binder would
/// reject <c>5s</c> with an exception naming a CLR type; this one collects one message per bad
/// setting naming its HOCON path. Keys come from <see cref="ConfigurationKeyNameAttribute"/>.
/// </summary>
public static class HoconOptionsBinder
{
    /// <summary>Binds the public settable properties of <paramref name="target"/> from <paramref name="section"/>.</summary>
    public static void Bind(IConfiguration section, object target, List<string> errors)
    {
        var basePath = section is IConfigurationSection s ? s.Path : "";
        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
            var child = section.GetSection(key);
            var type = property.PropertyType;
            if (type == typeof(List<string>))
            {
                // Replaced, not appended to: binding twice must not duplicate entries.
                property.SetValue(target, property.GetCustomAttribute<ArgvAttribute>() is null ? ReadList(child) : ReadArgv(child));
            }
            else if (type == typeof(Dictionary<string, string>))
            {
                var dictionary = (Dictionary<string, string>)property.GetValue(target)!;
                foreach (var entry in child.GetChildren())
                {
                    if (entry.Value is { } value)
                    {
                        dictionary[entry.Key] = value;
                    }
                }
            }
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                BindDictionaryObject(child, property.GetValue(target)!, type.GetGenericArguments()[1], errors);
            }
            else if (type.IsClass && type != typeof(string))
            {
                var nested = property.GetValue(target) ?? Activator.CreateInstance(type)!;
                Bind(child, nested, errors);
                if (property.CanWrite)
                {
                    property.SetValue(target, nested);
                }
            }
            else if (property.CanWrite && child.Value is { } text)
            {
                var path = HoconPathOf(basePath.Length == 0 ? key : basePath + ConfigurationPath.KeyDelimiter + key);
                if (TryConvert(text, type, property.GetCustomAttribute<ByteSizeAttribute>() is not null, out var value, out var expected))
                {
                    property.SetValue(target, value);
                }
                else
                {
                    errors.Add($"{path}: '{text}' is not {expected}");
                }
            }
        }
    }

    /// <summary>Binds every child of <paramref name="section"/> as one entry of <paramref name="dictionary"/>.</summary>
    public static void BindDictionary<T>(IConfigurationSection section, Dictionary<string, T> dictionary, List<string> errors)
        where T : class, new()
    {
        foreach (var child in section.GetChildren())
        {
            var item = new T();
            Bind(child, item, errors);
            dictionary[child.Key] = item;
        }
    }

    private static void BindDictionaryObject(IConfigurationSection section, object dictionary, Type valueType, List<string> errors)
    {
        var indexer = dictionary.GetType().GetProperty("Item")!;
        foreach (var child in section.GetChildren())
        {
            var item = Activator.CreateInstance(valueType)!;
            Bind(child, item, errors);
            indexer.SetValue(dictionary, item, [child.Key]);
        }
    }

    /// <summary>
    /// A HOCON array (<c>key:0</c>, <c>key:1</c>...) or one value separated by commas or blanks
    /// (what an environment variable or <c>--key=a,b</c> can carry); empty entries dropped.
    /// </summary>
    private static List<string> ReadList(IConfigurationSection section)
    {
        var items = section.GetChildren()
            .OrderBy(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue)
            .Select(c => c.Value)
            .OfType<string>()
            .ToList();
        if (items.Count == 0 && section.Value is { } single)
        {
            items.Add(single);
        }

        return items
            .SelectMany(item => item.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
    }

    /// <summary>An argv: array elements verbatim, or one value split on blanks (see <see cref="ArgvAttribute"/>).</summary>
    private static List<string> ReadArgv(IConfigurationSection section)
    {
        var items = section.GetChildren()
            .OrderBy(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue)
            .Select(c => c.Value)
            .OfType<string>()
            .ToList();
        return items.Count == 0 && section.Value is { } single
            ? [.. single.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)]
            : items;
    }

    /// <summary><c>condoractors:sites:a</c> as the HOCON path <c>condoractors.sites.a</c>.</summary>
    public static string HoconPathOf(string configurationKey) =>
        HoconPath.Render(configurationKey.Split(ConfigurationPath.KeyDelimiter));

    private static bool TryConvert(string text, Type type, bool isSize, out object? value, out string expected)
    {
        value = null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        expected = target == typeof(TimeSpan) ? $"a duration (a number and a unit: {HoconUnits.DurationUnitsText}; e.g. 5s, 1.5h)"
            : isSize ? "a size (a number and a unit such as B, kB, MB, KiB, MiB, GiB; e.g. 512 MiB)"
            : target == typeof(bool) ? "a boolean (true, false, yes, no, on, off)"
            : target == typeof(int) || target == typeof(long) ? "an integer"
            : target == typeof(double) ? "a number"
            : target.Name;
        if (target == typeof(string))
        {
            value = text;
            return true;
        }

        if (target == typeof(TimeSpan))
        {
            var ok = HoconUnits.TryParseDuration(text, out var duration);
            value = duration;
            return ok;
        }

        if (target == typeof(long) && isSize)
        {
            var ok = HoconUnits.TryParseSize(text, out var bytes);
            value = bytes;
            return ok;
        }

        if (target == typeof(bool))
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "true" or "yes" or "on":
                    value = true;
                    return true;
                case "false" or "no" or "off":
                    value = false;
                    return true;
                default:
                    return false;
            }
        }

        if (target == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
        {
            value = i;
            return true;
        }

        if (target == typeof(long) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            value = l;
            return true;
        }

        if (target == typeof(double) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            value = d;
            return true;
        }

        return false;
    }
}
