using MixBox.Cli;

// `mixbox`: the host twin's command line. See CliApp for the commands.
bool interactive = !Console.IsOutputRedirected && Spectre.Console.AnsiConsole.Profile.Capabilities.Interactive;
return CliApp.Run(args, Console.Out, Console.Error, interactive ? Spectre.Console.AnsiConsole.Console : null);
