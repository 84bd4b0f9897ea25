using System.Text.Json;

namespace CondorActors.Domain.ClassAds;

/// <summary>The resumable parser: reads whole ads from a chunk and stops before an incomplete one.</summary>
public static partial class ClassAdJson
{
    private sealed class ChunkParser(ClassAdJsonReadOptions options)
    {
        private static ReadOnlySpan<byte> ExprPrefix => "/Expr("u8;

        private static ReadOnlySpan<byte> ExprSuffix => ")/"u8;

        private readonly Utf8NameCache _names = new();
        private readonly Utf8NameCache _values = new();
        private readonly Utf8NameCache _exprs = new();
        private readonly ClassAdShapeCache _shapes = new();
        private byte[] _scratch = new byte[1024];
        private JsonReaderState _state;
        private Phase _phase;
        private readonly List<AttributeSlot[]> _slotBuffers = [];
        private int _depth;

        private enum Phase
        {
            Start,
            InArray,
            Done,
        }

        /// <summary>Parses complete ads into <paramref name="ads"/>; returns the bytes consumed.</summary>
        public int Parse(ReadOnlySpan<byte> data, bool isFinalBlock, List<ClassAd> ads)
        {
            var offset = 0;
            if (_phase == Phase.Start)
            {
                offset = SkipWhitespaceAndBom(data);
                if (offset == data.Length)
                {
                    // condor_q and condor_status print nothing at all when nothing matches.
                    if (isFinalBlock)
                    {
                        _phase = Phase.Done;
                    }

                    return offset;
                }
            }

            var reader = new Utf8JsonReader(data[offset..], isFinalBlock, _state);
            long safe = 0;
            while (_phase != Phase.Done)
            {
                if (!reader.Read())
                {
                    break;
                }

                if (_phase == Phase.Start)
                {
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        _phase = Phase.InArray;
                        safe = reader.BytesConsumed;
                        _state = reader.CurrentState;
                        continue;
                    }

                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new JsonException($"Expected an array of ClassAds or one ClassAd object but found {reader.TokenType}.");
                    }

                    if (!TryReadAd(ref reader, out var single))
                    {
                        break;
                    }

                    ads.Add(single);
                    _phase = Phase.Done;
                }
                else if (reader.TokenType == JsonTokenType.EndArray)
                {
                    _phase = Phase.Done;
                }
                else if (reader.TokenType == JsonTokenType.StartObject)
                {
                    if (!TryReadAd(ref reader, out var ad))
                    {
                        break;
                    }

                    ads.Add(ad);
                }
                else
                {
                    throw new JsonException($"Expected a ClassAd object in the array but found {reader.TokenType}.");
                }

                safe = reader.BytesConsumed;
                _state = reader.CurrentState;
            }

            return offset + (int)safe;
        }

        /// <summary>Throws unless the document ended properly (only whitespace after it).</summary>
        public void EnsureComplete(ReadOnlySpan<byte> rest)
        {
            if (_phase != Phase.Done)
            {
                throw new JsonException("The ClassAd JSON ends in the middle of an ad or of the array.");
            }

            if (SkipWhitespaceAndBom(rest) != rest.Length)
            {
                throw new JsonException("Unexpected data after the ClassAd JSON array.");
            }
        }

        private static int SkipWhitespaceAndBom(ReadOnlySpan<byte> data)
        {
            var i = data is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
            while (i < data.Length && data[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                i++;
            }

            return i;
        }

        /// <summary>Reads the object the reader is on; false when the data ends inside it.</summary>
        private bool TryReadAd(ref Utf8JsonReader reader, out ClassAd ad)
        {
            // Slots collect in a buffer reused per nesting depth, then are copied once into an
            // array of the exact size: ads of one answer differ in size (idle and running jobs),
            // and slack in thousands of kept ads is memory the GC has to move.
            var depth = _depth++;
            if (depth == _slotBuffers.Count)
            {
                _slotBuffers.Add(new AttributeSlot[128]);
            }

            var slots = _slotBuffers[depth];
            var count = 0;
            var shapeHash = 0;
            while (true)
            {
                if (!reader.Read())
                {
                    _depth--;
                    ad = null!;
                    return false;
                }

                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    _depth--;
                    var read = slots.AsSpan(0, count);
                    ad = ClassAd.FromJsonSlots(read, _shapes.Get(read, shapeHash));
                    return true;
                }

                var name = reader.ValueIsEscaped ? reader.GetString()! : _names.Get(reader.ValueSpan, count);
                if (name.Length == 0)
                {
                    throw new JsonException("A ClassAd attribute name is empty.");
                }

                shapeHash = ClassAdShapeCache.Mix(shapeHash, name);
                if (!reader.Read() || !TryReadSlot(ref reader, name, out var slot))
                {
                    _depth--;
                    ad = null!;
                    return false;
                }

                if (count == slots.Length)
                {
                    Array.Resize(ref slots, count * 2);
                    _slotBuffers[depth] = slots;
                }

                slots[count++] = slot;
            }
        }

        private bool TryReadSlot(ref Utf8JsonReader reader, string name, out AttributeSlot slot)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    slot = ReadStringSlot(ref reader, name);
                    return true;
                case JsonTokenType.StartArray:
                case JsonTokenType.StartObject:
                    if (!TryReadComposite(ref reader, out var composite))
                    {
                        slot = default;
                        return false;
                    }

                    slot = new AttributeSlot(name, default, composite, null);
                    return true;
                default:
                    slot = new AttributeSlot(name, ReadScalar(ref reader), null, null);
                    return true;
            }
        }

        /// <summary>
        /// A string value, or <c>/Expr(...)/</c> text kept for lazy parsing. condor_q escapes the
        /// slashes (<c>"\/Expr(...)\/"</c>), so escaped values are unescaped into a reused
        /// buffer and tested there: one string allocated (or none, when interned), not two.
        /// </summary>
        private AttributeSlot ReadStringSlot(ref Utf8JsonReader reader, string name)
        {
            ReadOnlySpan<byte> utf8;
            if (reader.ValueIsEscaped)
            {
                var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
                if (_scratch.Length < length)
                {
                    _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
                }

                utf8 = _scratch.AsSpan(0, reader.CopyString(_scratch));
            }
            else
            {
                utf8 = reader.ValueSpan;
            }

            if (utf8.Length >= ExprPrefix.Length + ExprSuffix.Length && utf8.StartsWith(ExprPrefix) && utf8.EndsWith(ExprSuffix))
            {
                var exprText = _exprs.Get(utf8[ExprPrefix.Length..^ExprSuffix.Length]);
                return options.ParseExpressionsEagerly
                    ? new AttributeSlot(name, default, ParseOrThrow(name, exprText), exprText)
                    : new AttributeSlot(name, default, null, exprText);
            }

            return new AttributeSlot(name, ClassAdValue.FromString(_values.Get(utf8)), null, null);
        }

        private static ClassAdValue ReadScalar(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetInt64(out var i) ? ClassAdValue.FromInteger(i) : ClassAdValue.FromReal(reader.GetDouble()),
            JsonTokenType.True => ClassAdValue.True,
            JsonTokenType.False => ClassAdValue.False,
            JsonTokenType.Null => ClassAdValue.Undefined,
            _ => throw new JsonException($"Unexpected {reader.TokenType} in a ClassAd."),
        };

        /// <summary>Reads a list or nested ad as an expression tree; false when the data ends inside it.</summary>
        private bool TryReadComposite(ref Utf8JsonReader reader, out ClassAdExpr? expr)
        {
            expr = null;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                if (!TryReadAd(ref reader, out var nested))
                {
                    return false;
                }

                expr = ClassAdExpr.Literal(ClassAdValue.FromRecord(nested));
                return true;
            }

            var items = new List<ClassAdExpr>();
            while (true)
            {
                if (!reader.Read())
                {
                    return false;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.EndArray:
                        expr = new ListExpr(items.ToArray());
                        return true;
                    case JsonTokenType.StartArray:
                    case JsonTokenType.StartObject:
                        if (!TryReadComposite(ref reader, out var inner))
                        {
                            return false;
                        }

                        items.Add(inner!);
                        break;
                    case JsonTokenType.String:
                        var text = reader.GetString()!;
                        items.Add(text.StartsWith("/Expr(", StringComparison.Ordinal) && text.EndsWith(")/", StringComparison.Ordinal)
                            ? ParseOrError(text[6..^2])
                            : LiteralExpr.Of(ClassAdValue.FromString(text)));
                        break;
                    default:
                        items.Add(LiteralExpr.Of(ReadScalar(ref reader)));
                        break;
                }
            }
        }

        private ClassAdExpr ParseOrError(string text)
        {
            if (ClassAdExpression.TryParse(text, out var expr, out var error))
            {
                return expr;
            }

            return options.ParseExpressionsEagerly
                ? throw new JsonException($"Invalid ClassAd expression in a list: {error}")
                : LiteralExpr.Of(ClassAdValue.Error);
        }

        private static ClassAdExpr ParseOrThrow(string name, string text)
        {
            if (ClassAdExpression.TryParse(text, out var expr, out var error))
            {
                return expr;
            }

            throw new JsonException($"Invalid ClassAd expression in attribute {name}: {error}");
        }
    }
}
