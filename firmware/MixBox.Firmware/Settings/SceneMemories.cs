namespace MixBox.Firmware
{
    /// <summary>
    /// The 16 scene memories, each a whole <see cref="Scene"/> with its name, each its own
    /// record (<see cref="SettingsLayout"/>). A memory whose copies all fail their check is
    /// reported and left empty, never loaded half-way; the others load regardless.
    /// </summary>
    public sealed class SceneMemories
    {
        public const int Count = SettingsLayout.Memories;

        private readonly SlotPair[] _records = new SlotPair[Count];
        private readonly Scene[] _scenes = new Scene[Count];

        public SceneMemories(ISettingsStorage storage)
        {
            for (int m = 0; m < Count; m++) _records[m] = new SlotPair(storage, SettingsLayout.MemorySlot(m));
        }

        public void Load()
        {
            for (int m = 0; m < Count; m++) _scenes[m] = _records[m].Load();
        }

        /// <summary>Memory <paramref name="memory"/> (0-based) holds a scene.</summary>
        public bool Occupied(int memory) { return _scenes[memory] != null; }

        /// <summary>A copy of the memory's scene, or null when it is empty.</summary>
        public Scene Get(int memory)
        {
            Scene scene = _scenes[memory];
            return scene != null ? scene.Clone() : null;
        }

        public string Name(int memory) { return _scenes[memory] != null ? _scenes[memory].Name : ""; }

        /// <summary>How the memory loaded (CorruptUsingDefaults: damaged, skipped).</summary>
        public SettingsOutcome Outcome(int memory) { return _records[memory].Outcome; }

        /// <summary>True when some memory is damaged or was recovered from its backup copy.</summary>
        public bool AnyWarning
        {
            get
            {
                for (int m = 0; m < Count; m++)
                {
                    if (IsWarning(_records[m].Outcome)) return true;
                }
                return false;
            }
        }

        /// <summary>Stores a copy of <paramref name="scene"/>; false (memory unchanged) when the write failed.</summary>
        public bool Store(int memory, Scene scene)
        {
            Scene copy = scene.Clone();
            if (!_records[memory].Save(copy)) return false;
            _scenes[memory] = copy;
            return true;
        }

        /// <summary>Renames an occupied memory; false when it is empty, the name invalid or the write failed.</summary>
        public bool Rename(int memory, string name)
        {
            if (_scenes[memory] == null || !SceneRules.IsValidName(name)) return false;
            Scene renamed = _scenes[memory].Clone();
            renamed.Name = name;
            return Store(memory, renamed);
        }

        /// <summary>One line per memory that did not load cleanly (1-based, as on the panel); "" when none.</summary>
        public string Describe()
        {
            string text = "";
            for (int m = 0; m < Count; m++)
            {
                SettingsOutcome outcome = _records[m].Outcome;
                if (outcome == SettingsOutcome.CorruptUsingDefaults) text += "\nscene memory " + (m + 1) + ": damaged, skipped (the other memories loaded)";
                else if (outcome == SettingsOutcome.RecoveredFromBackup) text += "\nscene memory " + (m + 1) + ": one copy was damaged, the other was loaded";
            }
            return text.Length > 0 ? text.Substring(1) : "";
        }

        private static bool IsWarning(SettingsOutcome outcome)
        {
            return outcome == SettingsOutcome.CorruptUsingDefaults || outcome == SettingsOutcome.RecoveredFromBackup;
        }
    }
}
