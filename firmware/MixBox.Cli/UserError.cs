namespace MixBox.Cli;

/// <summary>A problem with what the user gave us: printed as one line, exit code 1.</summary>
public class UserError(string message) : Exception(message)
{
    public virtual int ExitCode => 1;
}

/// <summary>The command line asks for something that cannot be: exit code 2 (usage), nothing read or written.</summary>
public sealed class UsageError(string message) : UserError(message)
{
    public override int ExitCode => 2;
}
