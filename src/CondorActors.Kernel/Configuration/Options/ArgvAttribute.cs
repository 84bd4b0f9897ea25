namespace CondorActors.Kernel.Configuration.Options;

/// <summary>
/// Marks a <c>List&lt;string&gt;</c> option as a command's argv: the elements of a HOCON array are
/// kept whole (an argument may contain blanks or commas, e.g. <c>--gres=gpu:1,shard:2</c>); only a
/// single value (from the environment or the command line) is split, on blanks.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ArgvAttribute : Attribute
{
}
