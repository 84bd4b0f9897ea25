namespace CondorActors.Domain.ClassAds;

/// <summary>A function call <c>name(arg, ...)</c>; names are case-insensitive, unknown ones evaluate to <c>error</c>.</summary>
public sealed class FunctionCallExpr : ClassAdExpr
{
    /// <summary>A call of <paramref name="name"/> with <paramref name="arguments"/>.</summary>
    public FunctionCallExpr(string name, IReadOnlyList<ClassAdExpr> arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(arguments);
        Name = name;
        Arguments = arguments;
    }

    /// <summary>The function name as written.</summary>
    public string Name { get; }

    /// <summary>The argument expressions.</summary>
    public IReadOnlyList<ClassAdExpr> Arguments { get; }

    /// <summary>The resolved implementation, looked up once (null: unknown function).</summary>
    internal ClassAdFunctions.Body? Body { get; set; }

    internal bool Resolved { get; set; }

    /// <inheritdoc />
    public override bool Equals(ClassAdExpr? other) =>
        other is FunctionCallExpr f && string.Equals(f.Name, Name, StringComparison.OrdinalIgnoreCase)
        && SequenceEqual(f.Arguments, Arguments);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Name), Arguments.Count);
}
