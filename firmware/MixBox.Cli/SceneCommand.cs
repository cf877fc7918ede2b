using MixBox.Firmware;
using MixBox.Twin;

namespace MixBox.Cli;

/// <summary>
/// `mixbox scene export SETTINGS [--memory N]`, `mixbox scene list SETTINGS`, `mixbox scene
/// rename SETTINGS N NAME` and `mixbox scene template`: scenes as render JSON, and the twin's
/// scene memories.
/// </summary>
public static class SceneCommand
{
    /// <summary>
    /// Prints the scene stored in the twin's settings (a directory of settings-0.bin and
    /// settings-1.bin, as <see cref="FileSettingsStorage"/> keeps them: the newest good slot), or in
    /// one slot file, as render JSON.
    /// </summary>
    public static int Export(string settings, TextWriter output, TextWriter error) => Export(settings, null, output, error);

    /// <summary>With <paramref name="memory"/> (1..16): that scene memory of the settings directory instead.</summary>
    public static int Export(string settings, int? memory, TextWriter output, TextWriter error)
    {
        Scene scene;
        if (memory is { } number)
        {
            scene = MemoryScene(settings, number).Scene;
        }
        else if (Directory.Exists(settings))
        {
            var store = new SettingsStore(new FileSettingsStorage(settings));
            scene = store.Load();
            switch (store.Outcome)
            {
                case SettingsOutcome.Empty:
                    throw new UserError($"{settings}: no scene stored here (no settings-0.bin or settings-1.bin)");
                case SettingsOutcome.CorruptUsingDefaults:
                    throw new UserError($"{settings}: no readable scene (every slot is damaged or from a newer firmware)");
                case SettingsOutcome.RecoveredFromBackup:
                    error.WriteLine($"mixbox: note: {settings}: the newest slot is damaged; this is the scene of the other");
                    break;
            }
        }
        else if (File.Exists(settings))
        {
            byte[] data;
            try { data = File.ReadAllBytes(settings); }
            catch (Exception e) when (IoErrorText.IsFileError(e)) { throw new UserError($"{settings}: cannot be read ({IoErrorText.Describe(e)})"); }
            scene = SceneCodec.Decode(data, out _, out _)
                    ?? throw new UserError($"{settings}: not a scene this firmware can read (damaged, not a settings slot, or from a newer firmware)");
        }
        else
        {
            throw new UserError($"{settings}: not found (give the twin's settings directory or one of its settings-N.bin files)");
        }
        output.Write(SceneJsonWriter.Write(scene));
        return 0;
    }

    /// <summary>The 16 memories of a settings directory: number, name, or empty / damaged.</summary>
    public static int List(string settings, TextWriter output, TextWriter error)
    {
        var memories = Memories(settings, error);
        for (int m = 0; m < SceneMemories.Count; m++)
        {
            string what = memories.Occupied(m) ? (memories.Name(m).Length > 0 ? memories.Name(m) : "(no name)")
                : memories.Outcome(m) == SettingsOutcome.CorruptUsingDefaults ? "(damaged)" : "(empty)";
            output.WriteLine($"{m + 1,2}  {what}");
        }
        return 0;
    }

    /// <summary>Names a stored memory (as the box keeps it: the memory's record is rewritten, its other copy kept).</summary>
    public static int Rename(string settings, int memory, string name, TextWriter output, TextWriter error)
    {
        if (!SceneRules.IsValidName(name))
            throw new UserError($"name \"{name}\": at most {SceneRules.NameMaxChars} printable ASCII characters");
        var memories = Memories(settings, notes: null);
        if (!memories.Occupied(Index(memory))) throw new UserError($"{settings}: scene memory {memory} is empty (store a scene into it first)");
        if (!memories.Rename(Index(memory), name)) throw new UserError($"{settings}: scene memory {memory} could not be written");
        output.WriteLine($"scene memory {memory}: {name}");
        return 0;
    }

    /// <summary>Scene memory <paramref name="memory"/> (1..16) of a settings directory, to render as the box plays it.</summary>
    public static RenderScene MemoryScene(string settings, int memory)
    {
        var memories = Memories(settings, notes: null);
        var scene = memories.Get(Index(memory))
                    ?? throw new UserError($"{settings}: scene memory {memory} is {(memories.Outcome(Index(memory)) == SettingsOutcome.CorruptUsingDefaults ? "damaged" : "empty")}");
        string name = scene.Name.Length > 0 ? $" \"{scene.Name}\"" : "";
        var panGiven = Enumerable.Repeat(true, Scene.Channels).ToArray(); // the box's own pans, as an export gives them
        return new RenderScene(scene, null, panGiven, $"{settings} memory {memory}{name}", Enumerable.Repeat(true, Scene.Pairs).ToArray());
    }

    /// <summary>The files holding memory <paramref name="memory"/> (1..16): inputs a render must not overwrite.</summary>
    public static string[] MemoryFiles(string settings, int memory)
    {
        int first = SettingsLayout.MemorySlot(Index(memory));
        return [Path.Combine(settings, FileSettingsStorage.SlotFileName(first)), Path.Combine(settings, FileSettingsStorage.SlotFileName(first + 1))];
    }

    private static int Index(int memory) =>
        memory is >= 1 and <= SceneMemories.Count ? memory - 1 : throw new UserError($"--memory {memory}: the box has memories 1..{SceneMemories.Count}");

    /// <param name="notes">Where to note the memories that did not load cleanly (null: the caller says what matters).</param>
    private static SceneMemories Memories(string settings, TextWriter? notes)
    {
        if (!Directory.Exists(settings)) throw new UserError($"{settings}: not a settings directory (scene memories are read from the twin's settings directory)");
        var memories = new SceneMemories(new FileSettingsStorage(settings));
        memories.Load();
        string report = memories.Describe();
        if (notes != null && report.Length > 0) foreach (string line in report.Split('\n')) notes.WriteLine($"mixbox: note: {settings}: {line}");
        return memories;
    }

    public static int Template(TextWriter output)
    {
        output.Write(SceneTemplate.Text());
        return 0;
    }
}
