namespace Snn.Backends.EventDriven;

/// <summary>
/// f(h) = c + Σ_k a_k h^(n_k) e^(−h/τ_k) with n_k ∈ {0, 1} and at most three terms: the distance of
/// a LIF membrane with exponential currents from its threshold, h ms after a known state. Its first
/// zero is found by branch and bound (each term is monotone or unimodal, so its maximum over an
/// interval is known exactly) followed by bisection to a few ulps.
/// </summary>
internal struct ExponentialSum
{
    private const int MaxTerms = 3;
    private double _a0, _a1, _a2;
    private double _tau0, _tau1, _tau2;
    private int _n0, _n1, _n2;

    public ExponentialSum(double constant)
    {
        Constant = constant;
    }

    public double Constant { get; }

    public int Count { get; private set; }

    public void Add(double coefficient, double tau, int power)
    {
        if (coefficient == 0)
        {
            return;
        }
        if (Count == MaxTerms)
        {
            throw new InvalidOperationException("At most three terms.");
        }
        switch (Count)
        {
            case 0: (_a0, _tau0, _n0) = (coefficient, tau, power); break;
            case 1: (_a1, _tau1, _n1) = (coefficient, tau, power); break;
            default: (_a2, _tau2, _n2) = (coefficient, tau, power); break;
        }
        Count++;
    }

    private readonly (double A, double Tau, int N) Term(int k) => k switch
    {
        0 => (_a0, _tau0, _n0),
        1 => (_a1, _tau1, _n1),
        _ => (_a2, _tau2, _n2),
    };

    private static double Evaluate((double A, double Tau, int N) term, double h)
        => term.N == 0 ? term.A * Math.Exp(-h / term.Tau) : term.A * h * Math.Exp(-h / term.Tau);

    public readonly double Value(double h)
    {
        double sum = Constant;
        for (int k = 0; k < Count; k++)
        {
            sum += Evaluate(Term(k), h);
        }
        return sum;
    }

    /// <summary>An upper bound of f over [a, b], exact for each term.</summary>
    private readonly double UpperBound(double a, double b)
    {
        double sum = Constant;
        for (int k = 0; k < Count; k++)
        {
            var term = Term(k);
            double max = Math.Max(Evaluate(term, a), Evaluate(term, b));
            if (term.N == 1 && term.Tau > a && term.Tau < b)
            {
                max = Math.Max(max, Evaluate(term, term.Tau));
            }
            sum += max;
        }
        return sum;
    }

    /// <summary>Σ |a_k| h^(n_k) e^(−h/τ_k): decreasing for h ≥ max τ_k, bounds |f − c| there.</summary>
    private readonly double TransientMagnitude(double h)
    {
        double sum = 0;
        for (int k = 0; k < Count; k++)
        {
            var term = Term(k);
            sum += Math.Abs(Evaluate(term, h));
        }
        return sum;
    }

    /// <summary>The smallest h in [0, horizon] with f(h) ≥ 0, or +∞ when there is none.</summary>
    public readonly double FirstZero(double horizon)
    {
        if (Value(0) >= 0)
        {
            return 0;
        }
        double maxTau = 0;
        double minTau = double.PositiveInfinity;
        for (int k = 0; k < Count; k++)
        {
            maxTau = Math.Max(maxTau, Term(k).Tau);
            minTau = Math.Min(minTau, Term(k).Tau);
        }
        if (Count == 0)
        {
            return double.PositiveInfinity;
        }
        double target = Constant == 0 ? 1e-12 * TransientMagnitude(0) : Math.Abs(Constant);
        double end = maxTau;
        while (TransientMagnitude(end) >= target && end < 1e15)
        {
            end *= 2;
        }
        end = Math.Min(end, horizon);
        double minWidth = 1e-3 * minTau;
        var stack = new Stack<(double A, double B)>();
        stack.Push((0, end));
        while (stack.Count > 0)
        {
            var (a, b) = stack.Pop();
            if (UpperBound(a, b) < 0)
            {
                continue;
            }
            bool crossesAtEnd = Value(b) >= 0;
            double width = b - a;
            if (crossesAtEnd && width <= minWidth)
            {
                return Bisect(a, b);
            }
            if (width <= 1e-13 * Math.Max(1, b))
            {
                continue;
            }
            double middle = a + width / 2;
            stack.Push((middle, b));
            stack.Push((a, middle));
        }
        return double.PositiveInfinity;
    }

    /// <summary>With f(a) &lt; 0 ≤ f(b), the first h where f ≥ 0 to within a few ulps.</summary>
    private readonly double Bisect(double a, double b)
    {
        for (int i = 0; i < 200; i++)
        {
            double middle = a + (b - a) / 2;
            if (middle <= a || middle >= b)
            {
                break;
            }
            if (Value(middle) >= 0)
            {
                b = middle;
            }
            else
            {
                a = middle;
            }
        }
        return b;
    }
}
