using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CondorActors.Domain.Batch.Sfapi;

/// <summary>
/// Authenticated requests to the Superfacility API. Gets an access token with the OAuth2 client
/// credentials grant and a private-key JWT assertion, caches it until shortly before it expires,
/// and on a 401 refreshes it once and repeats the request. 429, 5xx gateway answers, timeouts and
/// connection failures become <see cref="BatchSystemUnavailableException"/> (with Retry-After);
/// other 4xx answers are refusals. Neither the token nor the key is ever logged or put in a message.
/// </summary>
internal sealed class SfapiConnection(HttpClient http, SfapiSiteOptions options, TimeProvider timeProvider) : IDisposable
{
    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private SfapiCredentials? _credentials;
    private (string Value, DateTimeOffset RenewAt)? _token;

    /// <summary>Tokens fetched so far (for tests and metrics).</summary>
    public int TokensFetched { get; private set; }

    public async Task<JsonDocument> SendAsync(Func<HttpRequestMessage> createRequest, string what, bool mayTakeEffect, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var token = await GetTokenAsync(forceRefresh: attempt > 1, cancellationToken).ConfigureAwait(false);
            using var request = createRequest();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await SendRawAsync(request, what, mayTakeEffect, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
            {
                // Expired or revoked early: one fresh token, one more try.
                continue;
            }

            return await ReadJsonAsync(response, what, mayTakeEffect, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _credentials?.Dispose();
        _tokenGate.Dispose();
    }

    private async Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        await _tokenGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!forceRefresh && _token is { } cached && timeProvider.GetUtcNow() < cached.RenewAt)
            {
                return cached.Value;
            }

            _credentials ??= SfapiCredentials.Load(options.KeyFile, options.ClientId);
            var now = timeProvider.GetUtcNow();
            using var request = new HttpRequestMessage(HttpMethod.Post, options.TokenUrl)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = _credentials.ClientId,
                    ["client_assertion_type"] = SfapiClientAssertion.AssertionType,
                    ["client_assertion"] = SfapiClientAssertion.Create(_credentials, options.TokenUrl, now, options.AssertionLifetime),
                }),
            };
            using var response = await SendRawAsync(request, "token request", mayTakeEffect: false, cancellationToken).ConfigureAwait(false);
            using var body = await ReadJsonAsync(response, "token request", mayTakeEffect: false, cancellationToken).ConfigureAwait(false);
            if (!body.RootElement.TryGetProperty("access_token", out var accessToken) || accessToken.GetString() is not { Length: > 0 } value)
            {
                throw new BatchOutputFormatException("The token endpoint answered without an access_token.");
            }

            var lifetime = body.RootElement.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetInt32(out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromMinutes(10);

            // Renew before expiry, but never keep a short-lived token for less than half its life.
            var margin = TimeSpan.FromTicks(Math.Min(options.TokenRefreshMargin.Ticks, lifetime.Ticks / 2));
            _token = (value, now + lifetime - margin);
            TokensFetched++;
            return value;
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, string what, bool mayTakeEffect, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BatchSystemUnavailableException($"Superfacility API {what} timed out after {options.RequestTimeout.TotalSeconds:F0} s.", ex, mayHaveTakenEffect: mayTakeEffect);
        }
        catch (HttpRequestException ex)
        {
            // Refused connections never reached the API; other failures may have, after sending.
            var notSent = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
            throw new BatchSystemUnavailableException($"Superfacility API {what} failed: {ex.Message}", ex, mayHaveTakenEffect: mayTakeEffect && !notSent);
        }
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, string what, bool mayTakeEffect, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is 429 or 500 or 502 or 503 or 504)
        {
            throw new BatchSystemUnavailableException(
                $"Superfacility API {what} answered {status} {response.ReasonPhrase}.",
                mayHaveTakenEffect: mayTakeEffect && status is 500 or 502 or 504,
                retryAfter: RetryAfter(response));
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new BatchCommandException($"Superfacility API {what} answered {status} {response.ReasonPhrase}: {Shorten(body)}");
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new BatchOutputFormatException($"Superfacility API {what} answered with incomplete JSON: {ex.Message}", ex);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }

    private static string Shorten(string body) =>
        body.Length <= 300 ? body : string.Create(CultureInfo.InvariantCulture, $"{body[..300]}... ({body.Length} characters)");
}
