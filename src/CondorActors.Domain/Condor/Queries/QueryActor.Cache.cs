namespace CondorActors.Domain.Condor.Queries;

internal sealed partial class QueryActor
{
    private bool TryGetCached(string key, out object answer)
    {
        answer = null!;
        if (_options.CacheTtl <= TimeSpan.Zero || !_cache.TryGetValue(key, out var entry))
        {
            return false;
        }

        if (entry.Expires <= _time.GetUtcNow())
        {
            _cache.Remove(key);
            return false;
        }

        answer = entry.Answer;
        return true;
    }

    private void Cache(string key, object answer)
    {
        if (_options.CacheTtl <= TimeSpan.Zero)
        {
            return;
        }

        if (_cache.Count >= _options.MaxCacheEntries && !_cache.ContainsKey(key))
        {
            var first = _cache.MinBy(pair => pair.Value.Expires).Key;
            _cache.Remove(first);
        }

        _cache[key] = new CacheEntry(answer, _time.GetUtcNow() + _options.CacheTtl);
    }

    private bool IsOversized(string key)
    {
        if (!_oversized.TryGetValue(key, out var until))
        {
            return false;
        }

        if (until > _time.GetUtcNow())
        {
            return true;
        }

        _oversized.Remove(key);
        return false;
    }

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var key in _cache.Where(pair => pair.Value.Expires <= now).Select(pair => pair.Key).ToList())
        {
            _cache.Remove(key);
        }

        foreach (var key in _oversized.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToList())
        {
            _oversized.Remove(key);
        }
    }

    private sealed record CacheEntry(object Answer, DateTimeOffset Expires);
}
