using Diligence.Core.Yaml;

namespace Diligence.Core.Definitions;

/// <summary>A date item's <c>min</c> or <c>max</c> that names another item, with the node naming it.</summary>
internal sealed record DateItemBoundSource(string DateItemId, string Field, ScalarNode Item);
