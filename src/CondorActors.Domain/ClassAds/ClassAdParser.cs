namespace CondorActors.Domain.ClassAds;

/// <summary>
/// Recursive-descent parser for ClassAd expressions. Grammar, loosest first:
/// <c>?:</c> (right-associative), <c>||</c>, <c>&amp;&amp;</c>, <c>|</c>, <c>^</c>, <c>&amp;</c>,
/// <c>== != =?= =!= is isnt</c>, <c>&lt; &lt;= &gt; &gt;=</c>, <c>&lt;&lt; &gt;&gt; &gt;&gt;&gt;</c>,
/// <c>+ -</c>, <c>* / %</c>, unary <c>- + ! ~</c>, then selection <c>a.b</c> and subscripts <c>a[i]</c>.
/// Binary operators associate to the left. A minus directly before a number literal folds into a
/// negative literal.
/// </summary>
internal ref struct ClassAdParser
{
    private readonly ClassAdParseOptions _options;
    private ClassAdLexer _lexer;
    private ClassAdToken _token;
    private int _depth;

    private ClassAdParser(string text, ClassAdParseOptions options)
    {
        _options = options;
        _lexer = new ClassAdLexer(text);
        _token = _lexer.Next();
        _depth = 0;
    }

    public static ClassAdExpr ParseExpression(string text, ClassAdParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new ClassAdParser(text, options);
        if (parser._token.Kind == TokenKind.End)
        {
            throw parser.Unexpected("an expression");
        }

        var expr = parser.Expression();
        if (parser._token.Kind != TokenKind.End)
        {
            throw parser.Unexpected("an operator or the end of the expression");
        }

        return expr;
    }

    private ClassAdExpr Expression()
    {
        Enter();
        var condition = Binary(1);
        if (_token.Kind == TokenKind.Question)
        {
            Advance();
            if (_token.Kind == TokenKind.Colon)
            {
                Advance();
                var fallback = Expression();
                condition = new ConditionalExpr(condition, null, fallback);
            }
            else
            {
                var whenTrue = Expression();
                Expect(TokenKind.Colon, "':' of the conditional");
                var whenFalse = Expression();
                condition = new ConditionalExpr(condition, whenTrue, whenFalse);
            }
        }

        _depth--;
        return condition;
    }

    private ClassAdExpr Binary(int minPrecedence)
    {
        var left = Unary();
        while (_token.Kind == TokenKind.Operator)
        {
            var op = _token.BinaryOp;
            var precedence = ClassAdOperators.Precedence(op);
            if (precedence < minPrecedence)
            {
                break;
            }

            Advance();
            Enter();
            var right = Binary(precedence + 1);
            _depth--;
            left = new BinaryExpr(op, left, right);
        }

        return left;
    }

    private ClassAdExpr Unary()
    {
        ClassAdUnaryOperator op;
        switch (_token.Kind)
        {
            case TokenKind.Operator when _token.BinaryOp == ClassAdBinaryOperator.Subtract:
                Advance();
                if (_token.Kind is TokenKind.Integer or TokenKind.Real)
                {
                    var literal = _token.Kind == TokenKind.Integer
                        ? ClassAdValue.FromInteger(unchecked(-_token.Integer))
                        : ClassAdValue.FromReal(-_token.Real);
                    Advance();
                    return Postfix(LiteralExpr.Of(literal));
                }

                op = ClassAdUnaryOperator.Minus;
                break;
            case TokenKind.Operator when _token.BinaryOp == ClassAdBinaryOperator.Add:
                Advance();
                op = ClassAdUnaryOperator.Plus;
                break;
            case TokenKind.Not:
                Advance();
                op = ClassAdUnaryOperator.Not;
                break;
            case TokenKind.Tilde:
                Advance();
                op = ClassAdUnaryOperator.BitwiseNot;
                break;
            default:
                return Postfix(Primary());
        }

        Enter();
        var operand = Unary();
        _depth--;
        return new UnaryExpr(op, operand);
    }

    private ClassAdExpr Postfix(ClassAdExpr expr)
    {
        while (true)
        {
            if (_token.Kind == TokenKind.Dot)
            {
                Advance();
                var name = ExpectName("an attribute name after '.'");
                expr = new SelectExpr(expr, name);
            }
            else if (_token.Kind == TokenKind.OpenBracket)
            {
                Advance();
                var index = Expression();
                Expect(TokenKind.CloseBracket, "']'");
                expr = new SubscriptExpr(expr, index);
            }
            else
            {
                return expr;
            }
        }
    }

    private ClassAdExpr Primary()
    {
        var token = _token;
        switch (token.Kind)
        {
            case TokenKind.Integer:
                if (token.Quoted)
                {
                    throw Error(token, "integer literal out of range", "an integer in 64 bits");
                }

                Advance();
                return LiteralExpr.Of(ClassAdValue.FromInteger(token.Integer));
            case TokenKind.Real:
                Advance();
                return LiteralExpr.Of(ClassAdValue.FromReal(token.Real));
            case TokenKind.String:
                Advance();
                if (_token.Kind != TokenKind.String)
                {
                    return LiteralExpr.Of(ClassAdValue.FromString(token.Text!));
                }

                // Adjacent string literals concatenate, as in C and HTCondor.
                var text = token.Text!;
                while (_token.Kind == TokenKind.String)
                {
                    text += _token.Text;
                    Advance();
                }

                return LiteralExpr.Of(ClassAdValue.FromString(text));
            case TokenKind.True:
                Advance();
                return LiteralExpr.Of(ClassAdValue.True);
            case TokenKind.False:
                Advance();
                return LiteralExpr.Of(ClassAdValue.False);
            case TokenKind.Undefined:
                Advance();
                return LiteralExpr.Of(ClassAdValue.Undefined);
            case TokenKind.Error:
                Advance();
                return LiteralExpr.Of(ClassAdValue.Error);
            case TokenKind.Identifier:
                Advance();
                if (_token.Kind == TokenKind.OpenParen && !token.Quoted)
                {
                    return Call(token);
                }

                return new AttributeExpr(token.Text!);
            case TokenKind.Dot:
                Advance();
                return new AttributeExpr(ExpectName("an attribute name after '.'"), absolute: true);
            case TokenKind.OpenParen:
                Advance();
                var inner = Expression();
                Expect(TokenKind.CloseParen, "')'");
                return inner;
            case TokenKind.OpenBrace:
                return List();
            case TokenKind.OpenBracket:
                return Record();
            default:
                throw Unexpected("an expression");
        }
    }

    private ClassAdExpr Call(ClassAdToken name)
    {
        if (_options.RejectUnknownFunctions && !ClassAdFunctions.IsKnown(name.Text!))
        {
            throw Error(name, $"unknown function '{name.Text}'", string.Empty);
        }

        Advance();
        var args = new List<ClassAdExpr>();
        if (_token.Kind != TokenKind.CloseParen)
        {
            args.Add(Expression());
            while (_token.Kind == TokenKind.Comma)
            {
                Advance();
                args.Add(Expression());
            }
        }

        Expect(TokenKind.CloseParen, "',' or ')' in the argument list");
        return new FunctionCallExpr(name.Text!, args.ToArray());
    }

    private ClassAdExpr List()
    {
        Advance();
        var items = new List<ClassAdExpr>();
        if (_token.Kind != TokenKind.CloseBrace)
        {
            items.Add(Expression());
            while (_token.Kind == TokenKind.Comma)
            {
                Advance();
                items.Add(Expression());
            }
        }

        Expect(TokenKind.CloseBrace, "',' or '}' in the list");
        return new ListExpr(items.ToArray());
    }

    private ClassAdExpr Record()
    {
        Advance();
        var attributes = new List<KeyValuePair<string, ClassAdExpr>>();
        while (_token.Kind != TokenKind.CloseBracket)
        {
            var name = ExpectName("an attribute name or ']' in the record");
            Expect(TokenKind.Assign, "'=' after the attribute name");
            attributes.Add(new(name, Expression()));
            if (_token.Kind == TokenKind.Semicolon)
            {
                Advance();
            }
            else if (_token.Kind != TokenKind.CloseBracket)
            {
                throw Unexpected("';' or ']' in the record");
            }
        }

        Advance();
        return new RecordExpr(attributes.ToArray());
    }

    private string ExpectName(string expected)
    {
        if (_token.Kind != TokenKind.Identifier)
        {
            throw Unexpected(expected);
        }

        var name = _token.Text!;
        Advance();
        return name;
    }

    private void Expect(TokenKind kind, string expected)
    {
        if (_token.Kind != kind)
        {
            throw Unexpected(expected);
        }

        Advance();
    }

    private void Advance() => _token = _lexer.Next();

    private void Enter()
    {
        if (++_depth > _options.MaxDepth)
        {
            throw Error(_token, "expression nested too deeply", string.Empty);
        }
    }

    private readonly ClassAdParseException Unexpected(string expected) =>
        Error(_token, "syntax error", expected);

    private readonly ClassAdParseException Error(ClassAdToken token, string message, string expected)
    {
        var found = token.Kind == TokenKind.End
            ? "end of input"
            : $"'{_lexer.Text.Substring(token.Start, Math.Min(token.Length, 40))}'";
        return ClassAdLexer.MakeError(_lexer.Text, token.Start, message, expected, found);
    }
}
