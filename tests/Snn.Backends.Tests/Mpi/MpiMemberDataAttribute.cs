using System.Reflection;

namespace Snn.Backends.Tests.Mpi;

/// <summary>Theory data whose cases run under <c>mpirun</c>: each is skipped, saying why, when
/// <c>mpirun</c> is not on the PATH (as <see cref="MpiFactAttribute"/> skips a fact).</summary>
public sealed class MpiMemberDataAttribute : MemberDataAttributeBase
{
    /// <param name="memberName">The static member of the test class that gives the data.</param>
    public MpiMemberDataAttribute(string memberName) : base(memberName, [])
    {
        Skip = MpiFactAttribute.SkipReason;
    }

    /// <inheritdoc />
    protected override object[] ConvertDataItem(MethodInfo testMethod, object item)
        => item as object[] ?? throw new ArgumentException($"{MemberName} gave a {item?.GetType().Name ?? "null"}, not an object[].", nameof(item));
}
