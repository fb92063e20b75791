namespace Snn.Fuzz.Tests;

/// <summary>
/// The bounded fuzz run of CI: every reader gets its seeds and a fixed set of mutants (the same on
/// every run), and the test fails on any exception type its documentation does not allow, on a read
/// that does not return within <see cref="FuzzRunner.Timeout"/>, or on one that allocates more than
/// <see cref="FuzzRunner.AllocationCap"/>. Longer runs: <see cref="Program"/>.
/// </summary>
public sealed class ReaderFuzzTests : IDisposable
{
    /// <summary>Mutants per reader in CI.</summary>
    private const int Mutants = 400;

    private readonly string _directory = Directory.CreateTempSubdirectory("snn-fuzz-").FullName;

    public static TheoryData<string> Targets() => [.. FuzzTargets.All.Select(t => t.Name)];

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [MemberData(nameof(Targets))]
    public void OnlyDocumentedExceptionsEscapeTheReader(string name)
    {
        var failures = FuzzRunner.Run(FuzzTargets.Named(name), Mutants, seed: 1, _directory);

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n{string.Join("\n", failures.Take(10))}");
    }

    [Fact]
    public void ResealingTheLiquidPartialSeedAfterChangingAWeightGivesAFileTheReaderAccepts()
    {
        var target = new LiquidPartialTarget();
        byte[] seed = target.Seed;
        byte[] changed = [.. seed];
        int protocolLength = BitConverter.ToInt32(seed, 12);
        int firstWeight = 16 + protocolLength + 8 + 8 + 8 + 4;
        changed[firstWeight] ^= 0x40;
        string path = Path.Combine(_directory, "resealed.partial");

        File.WriteAllBytes(path, changed);
        Assert.Throws<InvalidDataException>(() => target.Open(path));
        Assert.Equal(seed, LiquidPartialTarget.Reseal([.. seed]));
        File.WriteAllBytes(path, LiquidPartialTarget.Reseal(changed));
        target.Open(path);
        Assert.Equal(seed.Length, new FileInfo(path).Length);
    }

    [Fact]
    public void AnUndocumentedExceptionOrLargeAllocationIsReported()
    {
        byte[] input = [1, 2, 3];
        var throwing = new FuzzTarget("throws", ".x", [typeof(InvalidDataException)], _ => throw new NullReferenceException("bug"), () => [input]);
        var documented = throwing with { Read = _ => throw new InvalidDataException("corrupt") };
        var allocating = throwing with { Read = _ => GC.KeepAlive(new byte[FuzzRunner.AllocationCap + 1]) };
        var resident = throwing with { AllocationCap = 64 << 20, Read = _ => Task.Run(() => Touch(96 << 20)).Wait() };

        Assert.Contains("undocumented System.NullReferenceException: bug", FuzzRunner.Check(throwing, input, _directory));
        Assert.Null(FuzzRunner.Check(documented, input, _directory));
        Assert.Contains("above the cap", FuzzRunner.Check(allocating, input, _directory));
        Assert.Contains("peak resident memory", FuzzRunner.Check(resident, input, _directory));
    }

    private static void Touch(long bytes)
    {
        var block = new byte[bytes];
        Array.Fill(block, (byte)1);
        GC.KeepAlive(block);
    }

    [Fact]
    public void MutantsAreTheSameOnEveryRun()
    {
        byte[] seed = [.. Enumerable.Range(0, 100).Select(i => (byte)i)];

        var first = Enumerable.Range(0, 20).Select(i => Mutator.Mutate(seed, new Random(i))).ToArray();
        var second = Enumerable.Range(0, 20).Select(i => Mutator.Mutate(seed, new Random(i))).ToArray();

        Assert.Equal(first, second);
        Assert.All(first, mutant => Assert.NotEqual(seed, mutant));
    }
}
