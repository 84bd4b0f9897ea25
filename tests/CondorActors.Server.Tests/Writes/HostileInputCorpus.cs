using System.Text;

namespace CondorActors.Server.Tests.Writes;

/// <summary>
/// Submit bodies that try to smuggle commands into the description, escape the working directory,
/// set HTCondor-owned attributes, or break the parser; each with the key its 400 must name.
/// </summary>
internal static class HostileInputCorpus
{
    public static IEnumerable<(string Name, byte[] Body, string Field)> Cases()
    {
        static (string, byte[], string) J(string name, string json, string field) => (name, Encoding.UTF8.GetBytes(json), field);

        // Line breaks: a new line is a new command, or a queue statement.
        yield return J("newline + queue in executable", """{"executable": "/bin/true\nqueue 1000"}""", "executable");
        yield return J("newline + queue in arguments", """{"executable": "/bin/true", "arguments": "x\nqueue 1000"}""", "arguments");
        yield return J("CR in output", """{"executable": "/bin/true", "output": "out\r+Owner = \"root\""}""", "output");
        yield return J("CR in environment value", """{"executable": "/bin/true", "environment": {"A": "1\rqueue"}}""", "environment.A");
        yield return J("U+2028 in output", "{\"executable\": \"/bin/true\", \"output\": \"out\u2028queue\"}", "output");
        yield return J("U+2029 in batch_name", "{\"executable\": \"/bin/true\", \"batch_name\": \"b\u2029queue\"}", "batch_name");
        yield return J("NEL in log", "{\"executable\": \"/bin/true\", \"log\": \"l\u0085queue\"}", "log");
        yield return J("NUL in arguments", """{"executable": "/bin/true", "arguments": "a\u0000b"}""", "arguments");
        yield return J("tab in output", """{"executable": "/bin/true", "output": "a\tb"}""", "output");
        yield return J("newline in requirements", """{"executable": "/bin/true", "requirements": "true\nqueue 5"}""", "requirements");
        yield return J("newline in attribute value", """{"executable": "/bin/true", "attributes": {"Note": "a\nqueue"}}""", "attributes.Note");
        yield return J("newline in arguments list item", """{"executable": "/bin/true", "arguments": ["a", "b\nqueue"]}""", "arguments[1]");

        // Macros read the service's environment and configuration.
        yield return J("$ENV in output", """{"executable": "/bin/true", "output": "$ENV(HOME)/x"}""", "output");
        yield return J("$ENV in arguments", """{"executable": "/bin/true", "arguments": "$ENV(HOME)"}""", "arguments");
        yield return J("$(Owner) in arguments", """{"executable": "/bin/true", "arguments": "$(Owner)"}""", "arguments");
        yield return J("$(Owner) in environment", """{"executable": "/bin/true", "environment": {"X": "$(Owner)"}}""", "environment.X");
        yield return J("$(Owner) in attribute", """{"executable": "/bin/true", "attributes": {"Who": "$(Owner)"}}""", "attributes.Who");
        yield return J("$(Owner) in requirements", """{"executable": "/bin/true", "requirements": "Owner == \"$(Owner)\""}""", "requirements");
        yield return J("$$(Memory) match-time macro", """{"executable": "/bin/true", "arguments": "$$(Memory)"}""", "arguments");
        yield return J("$RANDOM_CHOICE in output", """{"executable": "/bin/true", "output": "$RANDOM_CHOICE(a,b)"}""", "output");
        yield return J("$ENV in nested attribute list", """{"executable": "/bin/true", "attributes": {"Tags": ["a", ["$ENV(PATH)"]]}}""", "attributes.Tags");
        yield return J("$(FULL_HOSTNAME) in batch_name", """{"executable": "/bin/true", "batch_name": "$(FULL_HOSTNAME)"}""", "batch_name");

        // Statements, comments and continuation tricks.
        yield return J("include in output", """{"executable": "/bin/true", "output": "include : /etc/passwd"}""", "output");
        yield return J("include command in executable", """{"executable": "include command : rm -rf /"}""", "executable");
        yield return J("trailing backslash in output", """{"executable": "/bin/true", "output": "out\\"}""", "output");
        yield return J("trailing backslash in arguments", """{"executable": "/bin/true", "arguments": "a \\"}""", "arguments");
        yield return J("leading # in batch_name", """{"executable": "/bin/true", "batch_name": "#comment"}""", "batch_name");
        yield return J("@= heredoc in batch_name", """{"executable": "/bin/true", "batch_name": "x @=end"}""", "batch_name");
        yield return J("queue as a key", """{"executable": "/bin/true", "queue": 1000}""", "queue");
        yield return J("include as a key", """{"executable": "/bin/true", "include": "/etc/passwd"}""", "include");
        yield return J("+Owner as a key", """{"executable": "/bin/true", "+Owner": "root"}""", "+Owner");
        yield return J("key with = and newline", "{\"executable\": \"/bin/true\", \"a = b\\nqueue\": 1}", "(unprintable)");
        yield return J("unknown key", """{"executable": "/bin/true", "getenv": true}""", "getenv");
        yield return J("double quote in batch_name", """{"executable": "/bin/true", "batch_name": "a\" b"}""", "batch_name");
        yield return J("unbalanced single quote in arguments", """{"executable": "/bin/true", "arguments": "it's"}""", "arguments");

        // Attributes HTCondor owns, or that undo the confinement.
        yield return J("+Owner attribute", """{"executable": "/bin/true", "attributes": {"Owner": "root"}}""", "attributes.Owner");
        yield return J("owner attribute lower case", """{"executable": "/bin/true", "attributes": {"owner": "root"}}""", "attributes.owner");
        yield return J("ClusterId attribute", """{"executable": "/bin/true", "attributes": {"ClusterId": 1}}""", "attributes.ClusterId");
        yield return J("JobStatus attribute", """{"executable": "/bin/true", "attributes": {"JobStatus": 2}}""", "attributes.JobStatus");
        yield return J("Iwd attribute", """{"executable": "/bin/true", "attributes": {"Iwd": "/etc"}}""", "attributes.Iwd");
        yield return J("TransferOutputRemaps attribute", """{"executable": "/bin/true", "attributes": {"TransferOutputRemaps": "\"a=/etc/x\""}}""", "attributes.TransferOutputRemaps");
        yield return J("controller prefix attribute", """{"executable": "/bin/true", "attributes": {"CondorActorsSubmitter": "bob"}}""", "attributes.CondorActorsSubmitter");
        yield return J("attribute name with space", """{"executable": "/bin/true", "attributes": {"bad name": 1}}""", "attributes");
        yield return J("attribute name with =", """{"executable": "/bin/true", "attributes": {"A=B": 1}}""", "attributes");
        yield return J("attribute name starting with digit", """{"executable": "/bin/true", "attributes": {"1A": 1}}""", "attributes");
        yield return J("attributes not an object", """{"executable": "/bin/true", "attributes": ["Owner"]}""", "attributes");

        // Paths outside the working directory.
        yield return J(".. in output", """{"executable": "/bin/true", "output": "../../etc/passwd"}""", "output");
        yield return J(".. in the middle of log", """{"executable": "/bin/true", "log": "logs/../../x.log"}""", "log");
        yield return J("absolute output elsewhere", """{"executable": "/bin/true", "output": "/etc/cron.d/evil"}""", "output");
        yield return J("absolute input file elsewhere", """{"executable": "/bin/true", "transfer_input_files": ["/etc/shadow"]}""", "transfer_input_files[0]");
        yield return J("file URL input", """{"executable": "/bin/true", "transfer_input_files": ["file:///etc/passwd"]}""", "transfer_input_files[0]");
        yield return J("comma in input name", """{"executable": "/bin/true", "transfer_input_files": ["a,/etc/passwd"]}""", "transfer_input_files[0]");
        yield return J("input files as a string", """{"executable": "/bin/true", "transfer_input_files": "/etc/passwd"}""", "transfer_input_files");
        yield return J("initialdir at the root", """{"executable": "/bin/true", "initialdir": "/"}""", "initialdir");
        yield return J("relative executable escaping", """{"executable": "../../bin/sh"}""", "executable");
        yield return J("backslash path", """{"executable": "/bin/true", "output": "a\\..\\..\\x"}""", "output");
        yield return J("absolute output files", """{"executable": "/bin/true", "transfer_output_files": ["/etc/passwd"]}""", "transfer_output_files[0]");

        // Wrong types and values.
        yield return J("executable a number", """{"executable": 42}""", "executable");
        yield return J("executable null", """{"executable": null}""", "executable");
        yield return J("executable empty", """{"executable": ""}""", "executable");
        yield return J("executable missing", """{"count": 1}""", "executable");
        yield return J("count an array", """{"executable": "/bin/true", "count": [1]}""", "count");
        yield return J("count negative", """{"executable": "/bin/true", "count": -1}""", "count");
        yield return J("count negative string", """{"executable": "/bin/true", "count": "-5"}""", "count");
        yield return J("count fractional", """{"executable": "/bin/true", "count": 1.5}""", "count");
        yield return J("count zero", """{"executable": "/bin/true", "count": 0}""", "count");
        yield return J("count huge", """{"executable": "/bin/true", "count": 1e9}""", "count");
        yield return J("count above the maximum", """{"executable": "/bin/true", "count": 100001}""", "count");
        yield return J("count too many digits", """{"executable": "/bin/true", "count": "100000000000000000000000"}""", "count");
        yield return J("count not a number", """{"executable": "/bin/true", "count": "12 jobs"}""", "count");
        yield return J("request_memory words", """{"executable": "/bin/true", "request_memory": "lots"}""", "request_memory");
        yield return J("request_memory negative", """{"executable": "/bin/true", "request_memory": -5}""", "request_memory");
        yield return J("request_disk unknown unit", """{"executable": "/bin/true", "request_disk": "1X"}""", "request_disk");
        yield return J("request_cpus zero", """{"executable": "/bin/true", "request_cpus": 0}""", "request_cpus");
        yield return J("max_retries negative", """{"executable": "/bin/true", "max_retries": -1}""", "max_retries");
        yield return J("universe local", """{"executable": "/bin/true", "universe": "local"}""", "universe");
        yield return J("universe scheduler", """{"executable": "/bin/true", "universe": "scheduler"}""", "universe");
        yield return J("requirements unparsable", """{"executable": "/bin/true", "requirements": "Memory >"}""", "requirements");
        yield return J("should_transfer_files unknown", """{"executable": "/bin/true", "should_transfer_files": "MAYBE"}""", "should_transfer_files");
        yield return J("when_to_transfer_output unknown", """{"executable": "/bin/true", "when_to_transfer_output": "NEVER"}""", "when_to_transfer_output");
        yield return J("environment a string", """{"executable": "/bin/true", "environment": "A=1 B=2"}""", "environment");
        yield return J("environment name with space", """{"executable": "/bin/true", "environment": {"A B": "1"}}""", "environment");
        yield return J("environment name with =", """{"executable": "/bin/true", "environment": {"A=B": "1"}}""", "environment");
        yield return J("environment value an object", """{"executable": "/bin/true", "environment": {"A": {"b": 1}}}""", "environment.A");
        yield return J("docker_image with shell", """{"universe": "docker", "docker_image": "x; rm -rf /"}""", "docker_image");
        yield return J("arguments list with an object", """{"executable": "/bin/true", "arguments": [{"a": 1}]}""", "arguments[0]");
        yield return J("duplicate key", """{"executable": "/bin/true", "executable": "/bin/sh"}""", "executable");
        yield return J("duplicate key differing in case", """{"Executable": "/bin/true", "executable": "/bin/sh"}""", "executable");
        yield return J("lone surrogate escape", """{"executable": "/bin/\ud800"}""", "executable");

        // Malformed JSON.
        yield return J("truncated JSON", """{"executable": """, "body");
        yield return J("array body", """[{"executable": "/bin/true"}]""", "body");
        yield return J("string body", "\"executable\"", "body");
        yield return J("empty body", string.Empty, "body");
        yield return J("trailing comma", """{"executable": "/bin/true",}""", "body");
        yield return J("comments", """{"executable": "/bin/true" /* queue 10 */}""", "body");
        yield return J("deep nesting", "{\"executable\": \"/bin/true\", \"attributes\": {\"A\": " + new string('[', 200) + new string(']', 200) + "}}", "body");
        yield return ("invalid UTF-8", [.. Encoding.UTF8.GetBytes("{\"executable\": \"/bin/"), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}")], "executable");
        yield return ("UTF-16 body", Encoding.Unicode.GetBytes("""{"executable": "/bin/true"}"""), "body");
    }
}
