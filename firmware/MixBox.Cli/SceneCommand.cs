using MixBox.Firmware;
using MixBox.Twin;

namespace MixBox.Cli;

/// <summary>`mixbox scene export SETTINGS` and `mixbox scene template`: scenes as render JSON.</summary>
public static class SceneCommand
{
    /// <summary>
    /// Prints the scene stored in the twin's settings (a directory of settings-0.bin and
    /// settings-1.bin, as <see cref="FileSettingsStorage"/> keeps them: the newest good slot), or in
    /// one slot file, as render JSON.
    /// </summary>
    public static int Export(string settings, TextWriter output, TextWriter error)
    {
        Scene scene;
        if (Directory.Exists(settings))
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

    public static int Template(TextWriter output)
    {
        output.Write(SceneTemplate.Text());
        return 0;
    }
}
