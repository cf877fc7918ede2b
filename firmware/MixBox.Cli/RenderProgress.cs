using Spectre.Console;

namespace MixBox.Cli;

/// <summary>
/// A progress bar with the time left, on an interactive terminal only: when the output is
/// redirected (a pipe, a file, a test) there is no terminal and nothing extra is printed.
/// </summary>
public static class RenderProgress
{
    /// <summary>Runs <paramref name="work"/>, which reports frames done to the callback it is given.</summary>
    public static T Run<T>(IAnsiConsole? terminal, string description, long totalFrames, Func<Action<long>, T> work)
    {
        if (terminal is null) return work(_ => { });
        return terminal.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, totalFrames));
                var result = work(done => task.Value = done);
                task.Value = task.MaxValue;
                return result;
            });
    }
}
