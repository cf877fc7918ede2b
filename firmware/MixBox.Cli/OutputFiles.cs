namespace MixBox.Cli;

/// <summary>
/// All the files one run writes, committed together or not at all. Each output is checked before
/// anything is rendered (a real directory, not a directory itself, not a pipe or device, not an
/// input of the run nor another output, compared by file identity: links and other spellings
/// included) and written to a temporary file beside its target. <see cref="Commit"/> replaces the
/// targets only when every output is complete; if one replacement fails, those already made are
/// rolled back. Without a commit, disposing removes every temporary file: whatever fails, each
/// pre-existing output stays byte-identical and nothing is left behind.
/// </summary>
public sealed class OutputFiles : IDisposable
{
    private sealed class Output(string userPath, string target, OutputStream stream, string temporary)
    {
        public string UserPath { get; } = userPath;
        public string Target { get; } = target;
        public OutputStream Stream { get; } = stream;
        public string Temporary { get; } = temporary;
        public string? Backup { get; set; }
    }

    private readonly record struct Key(FileIdentity? File, FileIdentity? Directory, string Name);

    private readonly List<(string Path, FileIdentity Identity)> _inputs = new();
    private readonly List<(Output Output, Key Key)> _outputs = new();
    private bool _committed;

    /// <param name="inputs">Files the run reads: no output may be one of them.</param>
    public OutputFiles(IEnumerable<string> inputs)
    {
        foreach (string input in inputs)
            if (FileIdentity.Of(input) is { } identity) _inputs.Add((input, identity));
    }

    /// <summary>Checks <paramref name="userPath"/> and opens its temporary file; write the output there.</summary>
    public OutputStream Create(string userPath)
    {
        if (string.IsNullOrWhiteSpace(userPath)) throw new UsageError("an output file name is empty");
        string target = Target(userPath);
        string directory = Path.GetDirectoryName(target)!, name = Path.GetFileName(target);
        var existing = FileIdentity.Of(target);
        if (existing is { IsRegularFile: false }) throw new UserError($"{userPath}: not a regular file (a pipe or device): give a file name");
        var key = existing is { } file ? new Key(file, null, "") : new Key(null, FileIdentity.Of(directory), name);

        foreach (var (input, identity) in _inputs)
            if (key.File == identity)
                throw new UsageError(userPath == input ? $"{userPath} is an input of this render: write the output to another file"
                    : $"{userPath} is {input}, an input of this render (the same file by another path): write the output to another file");
        foreach (var (other, otherKey) in _outputs)
            if (otherKey == key)
                throw new UsageError(userPath == other.UserPath ? $"{userPath} is given twice as an output: give each output its own file"
                    : $"{userPath} and {other.UserPath} are the same file: give each output its own");

        string temporary = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.partial");
        FileStream stream;
        try
        {
            stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        }
        catch (Exception e) when (IoErrorText.IsFileError(e))
        {
            // The directory exists (checked above): "not found" here means it takes no new files (/proc, /sys).
            string why = e is FileNotFoundException or DirectoryNotFoundException ? "no file can be created in that directory" : IoErrorText.Describe(e);
            throw new UserError($"{userPath}: cannot be written ({why})");
        }
        var output = new Output(userPath, target, new OutputStream(stream, userPath), temporary);
        _outputs.Add((output, key));
        return output.Stream;
    }

    /// <summary>Where <paramref name="userPath"/> writes: a symbolic link is followed to its target. A readable error otherwise.</summary>
    private static string Target(string userPath)
    {
        string full;
        try { full = Path.GetFullPath(userPath); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageError($"{userPath}: not a valid file name");
        }
        if (Directory.Exists(full)) throw new UserError($"{userPath}: is a directory: give a file name");
        var info = new FileInfo(full);
        string target = info.LinkTarget is null ? full : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        string? directory = Path.GetDirectoryName(target);
        if (directory is null || Path.GetFileName(target).Length == 0) throw new UsageError($"{userPath}: not a valid file name");
        if (!Directory.Exists(directory))
            throw new UserError(File.Exists(directory) ? $"{userPath}: {directory} is a file, not a directory" : $"{userPath}: directory {directory} does not exist");
        return target;
    }

    /// <summary>Replaces every target with its finished output, or none of them.</summary>
    public void Commit()
    {
        foreach (var (output, _) in _outputs)
        {
            output.Stream.FlushToDisk();
            output.Stream.Dispose();
        }
        var done = new List<Output>();
        foreach (var (output, _) in _outputs)
        {
            try
            {
                if (File.Exists(output.Target))
                {
                    output.Backup = Path.Combine(Path.GetDirectoryName(output.Target)!, $".{Path.GetFileName(output.Target)}.{Guid.NewGuid():N}.previous");
                    File.Replace(output.Temporary, output.Target, output.Backup, ignoreMetadataErrors: true);
                }
                else
                {
                    File.Move(output.Temporary, output.Target);
                }
                done.Add(output);
            }
            catch (Exception e) when (IoErrorText.IsFileError(e))
            {
                RollBack(done);
                throw new UserError($"{output.UserPath}: cannot be replaced ({IoErrorText.Describe(e)}); no output was changed");
            }
        }
        _committed = true;
        foreach (var output in done)
            if (output.Backup is not null) TryDelete(output.Backup);
    }

    /// <summary>Puts back what the outputs replaced, newest first.</summary>
    private static void RollBack(List<Output> done)
    {
        for (int i = done.Count - 1; i >= 0; i--)
        {
            var output = done[i];
            try
            {
                if (output.Backup is not null) File.Move(output.Backup, output.Target, overwrite: true);
                else File.Delete(output.Target);
            }
            catch (Exception e) when (IoErrorText.IsFileError(e))
            {
                // Nothing better to do than keep going: the backup stays for the user to find.
            }
        }
    }

    public void Dispose()
    {
        if (_committed) return;
        foreach (var (output, _) in _outputs)
        {
            try { output.Stream.Dispose(); }
            catch (UserError) { }
            TryDelete(output.Temporary);
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (IoErrorText.IsFileError(e)) { }
    }
}
