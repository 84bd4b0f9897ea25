using CondorActors.Kernel.Configuration;
using CondorActors.Server.Commands;

if (args.Length > 0 && args[0] == "config")
{
    return ConfigCommand.Run(args[1..], Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddCondorActorsConfiguration(args);
var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.Run();
return 0;
