namespace Workshop.Tools.Learner;

/// <summary>
/// The write times of every file in some folders (build outputs aside). Comparing two snapshots finds a change where
/// file system notifications never arrive: WSL on a Windows drive, network mounts, some containers.
/// </summary>
public sealed class WriteTimes
{
    private readonly Dictionary<string, DateTime> _times;

    private WriteTimes(Dictionary<string, DateTime> times) => _times = times;

    public static WriteTimes Take(IEnumerable<string> folders) =>
        new(folders.Where(Directory.Exists)
            .SelectMany(Starters.StarterFolders.SourceFiles)
            .Distinct()
            .ToDictionary(file => file, File.GetLastWriteTimeUtc));

    /// <summary>True when a file was added, removed, or written since <paramref name="earlier"/>.</summary>
    public bool DifferFrom(WriteTimes earlier) =>
        _times.Count != earlier._times.Count
        || _times.Any(pair => !earlier._times.TryGetValue(pair.Key, out var before) || before != pair.Value);
}

/// <summary>
/// Waits for a change in a step's files: a <see cref="FileSystemWatcher"/> for speed, and a comparison of write times
/// every <see cref="PollInterval"/> in case its notifications never come. A burst of saves (an editor writes a
/// temporary file, renames it, touches the folder) counts as one change: it is reported once the files have been
/// quiet for <see cref="Debounce"/>.
/// </summary>
public sealed class StepWatcher(IReadOnlyList<string> folders) : IDisposable
{
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(300);

    private readonly List<FileSystemWatcher> _watchers = [];
    private WriteTimes _seen = WriteTimes.Take(folders);
    private volatile bool _notified;

    /// <summary>Starts the file system notifications; polling works without them.</summary>
    public void Start()
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            try
            {
                var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true };
                watcher.Changed += Notified;
                watcher.Created += Notified;
                watcher.Deleted += Notified;
                watcher.Renamed += Notified;
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
            catch (Exception unsupported) when (unsupported is IOException or PlatformNotSupportedException or ArgumentException)
            {
                // Notifications are a speed-up only; the polling below still sees every change.
            }
        }
    }

    /// <summary>Completes when a file has changed since the last call (or since the watcher was made), and has settled.</summary>
    public async Task WaitForChangeAsync(CancellationToken cancel)
    {
        while (true)
        {
            var waited = TimeSpan.Zero;
            while (!_notified && waited < PollInterval)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancel);
                waited += TimeSpan.FromMilliseconds(100);
            }
            _notified = false;
            var now = WriteTimes.Take(folders);
            if (!now.DifferFrom(_seen))
            {
                continue; // a notification about build outputs, or nothing at all
            }
            // Let a burst of writes finish before reporting it.
            while (true)
            {
                await Task.Delay(Debounce, cancel);
                var settled = WriteTimes.Take(folders);
                if (!settled.DifferFrom(now))
                {
                    break;
                }
                now = settled;
            }
            _notified = false;
            _seen = now;
            return;
        }
    }

    private void Notified(object sender, FileSystemEventArgs change) => _notified = true;

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }
}
