using CondorActors.Kernel.Configuration;

namespace CondorActors.Kernel.Tests.Configuration;

public sealed class SecretMaskerTests
{
    [Theory]
    [InlineData("condoractors:journal:password", "x", "***")]
    [InlineData("condoractors.sites.a.sfapi.client-secret", "x", "***")]
    [InlineData("a:db-password", "x", "***")]
    [InlineData("a:api-token", "x", "***")]
    [InlineData("a:token", "x", "***")]
    [InlineData("a:private-key", "x", "***")]
    [InlineData("condoractors:api:cursor-key", "k3y", "***")]
    [InlineData("a:private-key-file", "/etc/k.pem", "/etc/k.pem")]
    [InlineData("a:token-url", "https://t", "https://t")]
    [InlineData("a:password", "", "")]
    [InlineData("a:journal:connection-string", "Host=h;Password=p;Database=d", "Host=h;Password=***;Database=d")]
    [InlineData("a:connection-string", "Host=h; pwd = 'se;cret' ;Database=d", "Host=h; pwd=*** ;Database=d")]
    [InlineData("a:connection-string", "Data Source=./data/j.db", "Data Source=./data/j.db")]
    [InlineData("a:connection-string", "postgres://ca:s3cret@db:5432/x", "postgres://ca:***@db:5432/x")]
    public void Masks_secret_values(string key, string value, string shown) =>
        Assert.Equal(shown, SecretMasker.MaskValue(key, value));
}
