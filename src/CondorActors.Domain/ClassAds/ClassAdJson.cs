using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace CondorActors.Domain.ClassAds;

/// <summary>
/// ClassAd JSON as printed by <c>condor_q -json</c>, <c>condor_status -json</c> and
/// <c>condor_history -json</c>: an array of objects; literals as JSON values (null is
/// <c>undefined</c>), lists as arrays, nested ads as objects, and other expressions as strings
/// <c>"\/Expr(text)\/"</c>. Empty input (what condor_q prints for no results) reads as no ads; a
/// single object reads as one ad. Reading streams with <see cref="Utf8JsonReader"/> so a large
/// answer is never held as one string; malformed input throws <see cref="JsonException"/>.
/// </summary>
public static partial class ClassAdJson
{
    private const int InitialBufferSize = 64 * 1024;

    /// <summary>Reads every ad of a complete JSON document.</summary>
    public static IReadOnlyList<ClassAd> ParseAds(ReadOnlySpan<byte> utf8Json, ClassAdJsonReadOptions? options = null)
    {
        var ads = new List<ClassAd>();
        var parser = new ChunkParser(options ?? ClassAdJsonReadOptions.Default);
        var consumed = parser.Parse(utf8Json, isFinalBlock: true, ads);
        parser.EnsureComplete(utf8Json[consumed..]);
        return ads;
    }

    /// <summary>Reads every ad of a complete JSON document.</summary>
    public static IReadOnlyList<ClassAd> ParseAds(string json, ClassAdJsonReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParseAds(Encoding.UTF8.GetBytes(json), options);
    }

    /// <summary>Reads exactly one ad (a JSON object, or an array holding one object).</summary>
    public static ClassAd ParseAd(string json, ClassAdJsonReadOptions? options = null)
    {
        var ads = ParseAds(json, options);
        return ads.Count == 1 ? ads[0] : throw new JsonException($"Expected one ClassAd but found {ads.Count}.");
    }

    /// <summary>Reads ads one at a time from a stream, holding only about one ad's bytes at a time.</summary>
    public static IEnumerable<ClassAd> ReadAds(Stream stream, ClassAdJsonReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new StreamingReader(options ?? ClassAdJsonReadOptions.Default);
        var ads = new List<ClassAd>();
        while (!reader.Finished)
        {
            reader.Fill(stream.Read(reader.FreeSpace()));
            reader.ParseAvailable(ads);
            foreach (var ad in ads)
            {
                yield return ad;
            }

            ads.Clear();
        }
    }

    /// <summary>Reads ads one at a time from a stream asynchronously.</summary>
    public static async IAsyncEnumerable<ClassAd> ReadAdsAsync(
        Stream stream, ClassAdJsonReadOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new StreamingReader(options ?? ClassAdJsonReadOptions.Default);
        var ads = new List<ClassAd>();
        while (!reader.Finished)
        {
            var read = await stream.ReadAsync(reader.FreeMemory(), cancellationToken).ConfigureAwait(false);
            reader.Fill(read);
            reader.ParseAvailable(ads);
            foreach (var ad in ads)
            {
                yield return ad;
            }

            ads.Clear();
        }
    }

    /// <summary>Buffer management for stream reading: refills, compacts, grows for big ads.</summary>
    private sealed class StreamingReader(ClassAdJsonReadOptions options)
    {
        private readonly ChunkParser _parser = new(options);
        private byte[] _buffer = new byte[InitialBufferSize];
        private int _start;
        private int _end;
        private bool _eof;

        public bool Finished { get; private set; }

        public Span<byte> FreeSpace()
        {
            MakeRoom();
            return _buffer.AsSpan(_end);
        }

        public Memory<byte> FreeMemory()
        {
            MakeRoom();
            return _buffer.AsMemory(_end);
        }

        public void Fill(int read)
        {
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
        }

        public void ParseAvailable(List<ClassAd> ads)
        {
            var data = _buffer.AsSpan(_start, _end - _start);
            _start += _parser.Parse(data, _eof, ads);
            if (_eof)
            {
                _parser.EnsureComplete(_buffer.AsSpan(_start, _end - _start));
                Finished = true;
            }
        }

        private void MakeRoom()
        {
            if (_start > 0)
            {
                // Keep only the unparsed tail (the start of the next ad).
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                // One ad is bigger than the buffer: grow until it fits.
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
        }
    }
}
