namespace CondorActors.Kernel.Configuration.Options;

/// <summary>Marks a <c>long</c> option as a HOCON size (<c>512 MiB</c>, <c>10kB</c>, bare numbers are bytes).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ByteSizeAttribute : Attribute
{
}
