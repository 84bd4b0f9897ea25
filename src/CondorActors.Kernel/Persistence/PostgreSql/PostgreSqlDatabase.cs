using Npgsql;

namespace CondorActors.Kernel.Persistence.PostgreSql;

/// <summary>The PostgreSQL data source shared by the journal and the snapshot store, and its schema set-up.</summary>
internal sealed class PostgreSqlDatabase : IAsyncDisposable
{
    private readonly SchemaInitializer _schema;

    public PostgreSqlDatabase(string connectionString)
    {
        DataSource = NpgsqlDataSource.Create(connectionString);
        _schema = new SchemaInitializer(InitializeAsync);
    }

    public NpgsqlDataSource DataSource { get; }

    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => _schema.EnsureAsync(cancellationToken);

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await PostgreSqlSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }
}
