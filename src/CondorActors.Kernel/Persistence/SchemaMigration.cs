namespace CondorActors.Kernel.Persistence;

/// <summary>One step of a store's schema; steps run in version order, each exactly once.</summary>
internal sealed record SchemaMigration(int Version, string Description, string Sql);
