namespace Diligence.Core.Definitions;

/// <summary>
/// What each step's and item's visibility depends on: its container (group or step) and the items its
/// <c>visibleWhen</c> reads. Repeat sub-items have no node of their own; a reference to one depends on its repeat.
/// </summary>
internal sealed class VisibilityGraph
{
    private readonly List<int>[] _dependencies;

    private VisibilityGraph(List<DefinitionNode> nodes, List<string> ids, List<int> parents, Dictionary<string, int> itemNodes)
    {
        Nodes = nodes;
        Ids = ids;
        Parents = parents;
        ItemNodes = itemNodes;
        _dependencies = new List<int>[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            var dependencies = new List<int>();
            var condition = nodes[i] switch
            {
                Step step => step.VisibleWhen,
                Item item => item.VisibleWhen,
                _ => null,
            };
            foreach (var question in Questions(condition))
            {
                if (itemNodes.TryGetValue(ItemIdOf(question), out var target) && !dependencies.Contains(target))
                    dependencies.Add(target);
            }
            if (parents[i] >= 0 && !dependencies.Contains(parents[i]))
                dependencies.Add(parents[i]);
            _dependencies[i] = dependencies;
        }
    }

    /// <summary>Steps first (node i is step i), then items in document order.</summary>
    public IReadOnlyList<DefinitionNode> Nodes { get; }

    public IReadOnlyList<string> Ids { get; }

    /// <summary>The container's node, or -1 for a step.</summary>
    public IReadOnlyList<int> Parents { get; }

    /// <summary>Node by item id, for every item except repeat sub-items.</summary>
    public IReadOnlyDictionary<string, int> ItemNodes { get; }

    public static VisibilityGraph Build(IReadOnlyList<Step> steps)
    {
        var nodes = new List<DefinitionNode>();
        var ids = new List<string>();
        var parents = new List<int>();
        var itemNodes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            nodes.Add(step);
            ids.Add(step.Id);
            parents.Add(-1);
        }
        for (var i = 0; i < steps.Count; i++)
            AddItems(steps[i].Items, i, nodes, ids, parents, itemNodes);
        return new VisibilityGraph(nodes, ids, parents, itemNodes);
    }

    /// <summary>The item id a condition's question reads: the repeat's id for <c>repeat.sub-item</c>.</summary>
    public static string ItemIdOf(string question)
    {
        var dot = question.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? question : question[..dot];
    }

    public static IEnumerable<string> Questions(Condition? condition)
    {
        switch (condition)
        {
            case LeafCondition leaf:
                yield return leaf.Question;
                break;
            case AllCondition all:
                foreach (var question in all.Conditions.SelectMany(Questions))
                    yield return question;
                break;
            case AnyCondition any:
                foreach (var question in any.Conditions.SelectMany(Questions))
                    yield return question;
                break;
            case NotCondition not:
                foreach (var question in not.Conditions.SelectMany(Questions))
                    yield return question;
                break;
        }
    }

    /// <summary>Each cycle found as a path of nodes that starts and ends with the same node.</summary>
    public List<List<int>> FindCycles()
    {
        var cycles = new List<List<int>>();
        Walk(cycles, null);
        return cycles;
    }

    /// <summary>Every node after the nodes it depends on; null when there is a cycle.</summary>
    public int[]? TopologicalOrder()
    {
        var order = new List<int>(Nodes.Count);
        var cycles = new List<List<int>>();
        Walk(cycles, order);
        return cycles.Count == 0 ? [.. order] : null;
    }

    private void Walk(List<List<int>> cycles, List<int>? order)
    {
        // Iterative depth-first search: a generated questionnaire can chain thousands of conditions.
        var state = new byte[Nodes.Count];
        var path = new List<int>();
        var next = new Stack<int>();
        for (var start = 0; start < Nodes.Count; start++)
        {
            if (state[start] != 0)
                continue;
            state[start] = 1;
            path.Add(start);
            next.Push(0);
            while (path.Count > 0)
            {
                var node = path[^1];
                var edge = next.Pop();
                if (edge < _dependencies[node].Count)
                {
                    next.Push(edge + 1);
                    var target = _dependencies[node][edge];
                    if (state[target] == 1)
                    {
                        cycles.Add([.. path.Skip(path.IndexOf(target)), target]);
                    }
                    else if (state[target] == 0)
                    {
                        state[target] = 1;
                        path.Add(target);
                        next.Push(0);
                    }
                    continue;
                }
                state[node] = 2;
                order?.Add(node);
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    private static void AddItems(
        IReadOnlyList<Item> items, int parent, List<DefinitionNode> nodes, List<string> ids, List<int> parents, Dictionary<string, int> itemNodes)
    {
        foreach (var item in items)
        {
            var index = nodes.Count;
            nodes.Add(item);
            ids.Add(item.Id);
            parents.Add(parent);
            itemNodes.TryAdd(item.Id, index);
            if (item is Group group)
                AddItems(group.Items, index, nodes, ids, parents, itemNodes);
        }
    }
}
