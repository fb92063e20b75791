using System.Globalization;

namespace Snn.Datasets.Formats;

/// <summary>
/// Reads the binary event files of N-MNIST and N-Caltech101 (Orchard et al. 2015, "Converting
/// static image datasets to spiking neuromorphic datasets using saccades"). Each event is 5
/// bytes: byte 0 = x, byte 1 = y, bit 7 of byte 2 = polarity (1 = ON), and a 23-bit timestamp
/// in µs, ((b2 &amp; 0x7F) &lt;&lt; 16) | (b3 &lt;&lt; 8) | b4. A record with y = 240 marks a
/// timestamp overflow: 2^13 µs is added to every later timestamp and the record itself is not
/// an event (as in the data set's reference reader and Tonic).
/// </summary>
public static class NMnistBinReader
{
    /// <summary>The y value of a timestamp-overflow record.</summary>
    public const int OverflowMarkerY = 240;

    /// <summary>What an overflow record adds to all later timestamps (µs).</summary>
    public const long OverflowIncrementUs = 1 << 13;

    /// <summary>Bytes per record.</summary>
    public const int RecordSize = 5;

    /// <summary>Reads all events of a file.</summary>
    /// <param name="path">A <c>.bin</c> file.</param>
    /// <param name="sensor">The sensor the events must lie on; <see cref="SensorSize.NMnist"/> when null.</param>
    /// <exception cref="DataFormatException">The file ends inside a record, an event lies off the sensor or time runs backwards (names the byte offset).</exception>
    public static SpikeEvent[] ReadEvents(string path, SensorSize? sensor = null)
    {
        using var reader = ByteReader.Open(path);
        return ReadEvents(reader, sensor ?? SensorSize.NMnist);
    }

    /// <summary>Reads all events from a stream.</summary>
    /// <param name="stream">The data, positioned at the first record.</param>
    /// <param name="name">A name for the stream, used in error messages.</param>
    /// <param name="sensor">The sensor the events must lie on; <see cref="SensorSize.NMnist"/> when null.</param>
    public static SpikeEvent[] ReadEvents(Stream stream, string name, SensorSize? sensor = null)
    {
        using var reader = ByteReader.FromStream(stream, name);
        return ReadEvents(reader, sensor ?? SensorSize.NMnist);
    }

    /// <summary>Reads one labelled sample.</summary>
    /// <param name="path">A <c>.bin</c> file.</param>
    /// <param name="label">The class label (N-MNIST: the digit of the file's folder).</param>
    /// <param name="sensor">The sensor; <see cref="SensorSize.NMnist"/> when null, <see cref="SensorSize.NCaltech101"/> for N-Caltech101.</param>
    public static EventSample Read(string path, int label, SensorSize? sensor = null)
    {
        var size = sensor ?? SensorSize.NMnist;
        return new EventSample(ReadEvents(path, size), size, label, path);
    }

    /// <summary>
    /// Streams the samples of a split laid out as <c>root/&lt;class folder&gt;/*.bin</c> (N-MNIST's
    /// <c>Train/0 … Train/9</c>, N-Caltech101's category folders), one file at a time, folders
    /// and files in ordinal name order. The label is the folder name when every folder name is an
    /// integer, otherwise the folder's index in that order.
    /// </summary>
    /// <param name="root">The split directory (for example <c>…/N-MNIST/Train</c>).</param>
    /// <param name="sensor">The sensor; <see cref="SensorSize.NMnist"/> when null.</param>
    public static IEnumerable<EventSample> ReadDirectory(string root, SensorSize? sensor = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"N-MNIST/N-Caltech101 directory '{root}' does not exist.");
        }
        var folders = Directory.GetDirectories(root);
        Array.Sort(folders, StringComparer.Ordinal);
        bool numeric = folders.Length > 0;
        foreach (string folder in folders)
        {
            numeric &= int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out _);
        }
        return Enumerate(folders, numeric, sensor ?? SensorSize.NMnist);
    }

    private static IEnumerable<EventSample> Enumerate(string[] folders, bool numeric, SensorSize sensor)
    {
        for (int f = 0; f < folders.Length; f++)
        {
            int label = numeric ? int.Parse(Path.GetFileName(folders[f]), CultureInfo.InvariantCulture) : f;
            var files = Directory.GetFiles(folders[f], "*.bin");
            Array.Sort(files, StringComparer.Ordinal);
            foreach (string file in files)
            {
                yield return Read(file, label, sensor);
            }
        }
    }

    private static SpikeEvent[] ReadEvents(ByteReader reader, SensorSize sensor)
    {
        var events = new List<SpikeEvent>(4096);
        var buffer = new byte[RecordSize * 4096];
        long overflow = 0;
        long last = long.MinValue;
        while (true)
        {
            long chunkOffset = reader.Position;
            int got = reader.ReadSome(buffer);
            if (got == 0)
            {
                break;
            }
            int whole = got - got % RecordSize;
            for (int i = 0; i < whole; i += RecordSize)
            {
                int x = buffer[i];
                int y = buffer[i + 1];
                if (y == OverflowMarkerY)
                {
                    overflow += OverflowIncrementUs;
                    continue;
                }
                long t = (((long)(buffer[i + 2] & 0x7F) << 16) | ((long)buffer[i + 3] << 8) | buffer[i + 4]) + overflow;
                long offset = chunkOffset + i;
                if (x >= sensor.Width || y >= sensor.Height)
                {
                    throw reader.Error($"event (x = {x}, y = {y}) lies outside the {sensor} sensor", offset);
                }
                if (t < last)
                {
                    throw reader.Error($"timestamp {t} µs is earlier than the previous event's {last} µs", offset);
                }
                last = t;
                events.Add(new SpikeEvent(t, x, y, (buffer[i + 2] & 0x80) != 0));
            }
            if (whole != got)
            {
                throw reader.Error($"truncated: the last record has {got - whole} of {RecordSize} bytes", chunkOffset + whole);
            }
        }
        return [.. events];
    }
}
