using System.Globalization;

namespace Snn.Datasets.Formats;

/// <summary>
/// Reads the IBM DVS128 Gesture data set (Amir et al. 2017, CVPR): each recording
/// <c>userNN_lighting.aedat</c> (AEDAT 3.1) has a <c>userNN_lighting_labels.csv</c> with rows
/// <c>class,startTime_usec,endTime_usec</c>; each row becomes one sample holding the events with
/// start ≤ t &lt; end, times made relative to the start, label = class − 1 (0..10). The split
/// lists are <c>trials_to_train.txt</c> and <c>trials_to_test.txt</c> in the data set folder.
/// </summary>
public static class DvsGestureReader
{
    /// <summary>The gesture names by label (0..10).</summary>
    public static IReadOnlyList<string> Classes { get; } =
    [
        "hand_clapping", "right_hand_wave", "left_hand_wave", "right_arm_clockwise", "right_arm_counter_clockwise",
        "left_arm_clockwise", "left_arm_counter_clockwise", "arm_roll", "air_drums", "air_guitar", "other_gestures",
    ];

    /// <summary>Reads a labels file.</summary>
    /// <param name="path">A <c>*_labels.csv</c> file.</param>
    /// <exception cref="DataFormatException">A row is not three integers with class in 1..11 and 0 ≤ start &lt; end (names the byte offset of the row).</exception>
    public static DvsGestureLabel[] ReadLabels(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"DVS Gesture labels file '{path}' does not exist.", path);
        }
        var labels = new List<DvsGestureLabel>();
        using var reader = ByteReader.Open(path);
        bool first = true;
        while (true)
        {
            long offset = reader.Position;
            string? line = reader.ReadAsciiLine(4096);
            if (line is null)
            {
                break;
            }
            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (first && !char.IsAsciiDigit(line[0]))
            {
                first = false;
                continue;
            }
            first = false;
            var parts = line.Split(',');
            if (parts.Length != 3
                || !int.TryParse(parts[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int cls)
                || !long.TryParse(parts[1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long start)
                || !long.TryParse(parts[2].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long end))
            {
                throw new DataFormatException(path, offset, null, $"row '{line}' is not 'class,startTime_usec,endTime_usec'");
            }
            if (cls < 1 || cls > Classes.Count || start < 0 || end <= start)
            {
                throw new DataFormatException(path, offset, null, $"row '{line}' needs class in [1, {Classes.Count}] and 0 <= start < end");
            }
            labels.Add(new DvsGestureLabel(cls, start, end));
        }
        return [.. labels];
    }

    /// <summary>
    /// Reads the labelled gesture samples of one recording. The labels file defaults to the
    /// recording's name with <c>_labels.csv</c> in place of <c>.aedat</c>.
    /// </summary>
    /// <param name="aedatPath">A DVS Gesture <c>.aedat</c> recording.</param>
    /// <param name="labelsPath">Its labels file, or null for the default name.</param>
    public static IReadOnlyList<EventSample> ReadRecording(string aedatPath, string? labelsPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aedatPath);
        labelsPath ??= DefaultLabelsPath(aedatPath);
        var labels = ReadLabels(labelsPath);
        var recording = AedatReader.Read(aedatPath, SensorSize.Dvs128);
        var events = recording.Events;
        var samples = new List<EventSample>(labels.Length);
        for (int i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            int from = LowerBound(events, label.StartUs);
            int to = LowerBound(events, label.EndUs);
            var slice = new SpikeEvent[to - from];
            for (int k = 0; k < slice.Length; k++)
            {
                var e = events[from + k];
                slice[k] = e with { TimeUs = e.TimeUs - label.StartUs };
            }
            samples.Add(new EventSample(slice, SensorSize.Dvs128, label.Class - 1, $"{aedatPath}#{i}"));
        }
        return samples;
    }

    /// <summary>
    /// Streams the samples of a split from the extracted data set folder (the one holding the
    /// <c>.aedat</c> files and <c>trials_to_train.txt</c> / <c>trials_to_test.txt</c>), one
    /// recording in memory at a time.
    /// </summary>
    /// <param name="directory">The <c>DvsGesture</c> folder.</param>
    /// <param name="split">Train or Test.</param>
    public static IEnumerable<EventSample> ReadSplit(string directory, DataSplit split)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string list = Path.Combine(directory, split switch
        {
            DataSplit.Train => "trials_to_train.txt",
            DataSplit.Test => "trials_to_test.txt",
            _ => throw new ArgumentOutOfRangeException(nameof(split), split, $"split = {split} must be Train or Test for DVS Gesture."),
        });
        if (!File.Exists(list))
        {
            throw new FileNotFoundException($"DVS Gesture split list '{list}' does not exist.", list);
        }
        return EnumerateSplit(directory, File.ReadAllLines(list));
    }

    private static IEnumerable<EventSample> EnumerateSplit(string directory, string[] names)
    {
        foreach (string raw in names)
        {
            string name = raw.Trim();
            if (name.Length == 0)
            {
                continue;
            }
            foreach (var sample in ReadRecording(Path.Combine(directory, name)))
            {
                yield return sample;
            }
        }
    }

    private static string DefaultLabelsPath(string aedatPath)
    {
        string stem = aedatPath.EndsWith(".aedat", StringComparison.OrdinalIgnoreCase) ? aedatPath[..^".aedat".Length] : aedatPath;
        return stem + "_labels.csv";
    }

    private static int LowerBound(SpikeEvent[] events, long time)
    {
        int lo = 0, hi = events.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (events[mid].TimeUs < time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
