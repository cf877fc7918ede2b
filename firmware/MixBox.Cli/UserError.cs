namespace MixBox.Cli;

/// <summary>A problem with what the user gave us: printed as one line, exit code 1.</summary>
public sealed class UserError(string message) : Exception(message);
