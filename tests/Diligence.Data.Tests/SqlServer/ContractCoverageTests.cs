using System.Reflection;
using System.Reflection.Emit;
using Diligence.Data.SqlServer;
using Diligence.Data.Tests.Contracts;

namespace Diligence.Data.Tests.SqlServer;

/// <summary>
/// Every method of every store interface has a SQL Server implementation, is called by the provider-neutral contract
/// suite, and every contract runs against SQL Server: a new interface method without a contract test fails here.
/// </summary>
public sealed class ContractCoverageTests
{
    private static readonly Assembly DataAssembly = typeof(IStorage).Assembly;
    private static readonly Assembly TestAssembly = typeof(StoreContract).Assembly;

    private static IEnumerable<Type> StoreInterfaces() =>
        DataAssembly.GetExportedTypes().Where(t => t.IsInterface && t.Name.StartsWith('I') && t.Name.EndsWith("Store", StringComparison.Ordinal));

    private static IEnumerable<Type> Contracts() =>
        TestAssembly.GetTypes().Where(t => t.Namespace == typeof(StoreContract).Namespace && t.IsAbstract && t.IsClass
            && t.Name.EndsWith("Contract", StringComparison.Ordinal));

    [Test]
    public void Every_store_interface_has_one_sql_server_implementation_on_the_storage()
    {
        var storeTypes = DataAssembly.GetTypes().Where(t => t.Namespace == typeof(SqlServerStorage).Namespace && t.IsClass && !t.IsAbstract).ToList();
        var storageProperties = typeof(SqlServerStorage).GetProperties().Select(p => p.PropertyType).ToHashSet();

        Assert.That(StoreInterfaces().ToList(), Has.Count.EqualTo(15));
        Assert.Multiple(() =>
        {
            foreach (var store in StoreInterfaces())
            {
                Assert.That(storeTypes.Count(t => store.IsAssignableFrom(t)), Is.EqualTo(1), $"SQL Server implementations of {store.Name}");
                Assert.That(storageProperties, Does.Contain(store), $"SqlServerStorage exposes {store.Name}");
            }
        });
    }

    [Test]
    public void Every_store_method_is_called_by_the_contract_suite()
    {
        var called = Contracts().SelectMany(CalledMethods).ToHashSet();

        var uncalled = StoreInterfaces()
            .SelectMany(store => store.GetMethods())
            .Where(method => !called.Contains(method))
            .Select(method => $"{method.DeclaringType!.Name}.{method.Name}")
            .ToList();

        Assert.That(uncalled, Is.Empty);
    }

    [Test]
    public void Every_contract_runs_against_sql_server_and_sqlite()
    {
        var runners = TestAssembly.GetTypes().Where(t => t is { IsSealed: true, BaseType: not null }).ToList();

        Assert.Multiple(() =>
        {
            foreach (var contract in Contracts().Where(c => c != typeof(StoreContract)))
            {
                Assert.That(runners.Any(r => r.BaseType == contract && r.Namespace == typeof(SqlServerTestDatabase).Namespace),
                    $"a SQL Server runner of {contract.Name}");
                // The SQLite export store is written on its own branch; its one-line runner joins it there.
                if (contract != typeof(ExportStoreContract))
                {
                    Assert.That(runners.Any(r => r.BaseType == contract && r.Namespace == typeof(Sqlite.SqliteTestDatabase).Namespace),
                        $"a SQLite runner of {contract.Name}");
                }
            }
        });
    }

    [Test]
    public void The_call_scan_sees_calls_made_inside_async_test_methods()
    {
        var called = CalledMethods(typeof(VendorStoreContract)).ToList();

        Assert.That(called, Does.Contain(typeof(IVendorStore).GetMethod(nameof(IVendorStore.CreateAsync))));
        Assert.That(called, Does.Not.Contain(typeof(IUserStore).GetMethod(nameof(IUserStore.SignInBlockedUntilAsync))));
    }

    // Methods called from the contract's own code, including the state machines and lambdas the compiler nests in it.
    private static IEnumerable<MethodBase> CalledMethods(Type contract)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var types = new List<Type> { contract };
        for (var i = 0; i < types.Count; i++)
        {
            types.AddRange(types[i].GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic));
        }
        foreach (var method in types.SelectMany(t => t.GetMethods(All).Cast<MethodBase>().Concat(t.GetConstructors(All))))
        {
            var il = method.GetMethodBody()?.GetILAsByteArray();
            if (il is null)
            {
                continue;
            }
            foreach (var token in MethodTokens(il))
            {
                MethodBase? target;
                try
                {
                    target = method.Module.ResolveMethod(token, method.DeclaringType!.GetGenericArguments(), null);
                }
                catch (ArgumentException)
                {
                    continue;
                }
                if (target is not null)
                {
                    yield return target is MethodInfo { IsGenericMethod: true } generic ? generic.GetGenericMethodDefinition() : target;
                }
            }
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    // Walks the IL instruction by instruction and yields the operand of every instruction that takes a method.
    private static IEnumerable<int> MethodTokens(byte[] il)
    {
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }
            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod:
                    yield return BitConverter.ToInt32(il, position);
                    position += 4;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    position += 1;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    position += 8;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                default:
                    position += 4;
                    break;
            }
        }
    }
}
