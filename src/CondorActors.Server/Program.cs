using CondorActors.Server.Hosting;

// With no command the executable serves; sub-commands do admin work and exit.
return await CommandLine.RunAsync(args);
