using Diligence.Core.Definitions;
using Diligence.Web.Reviews;

namespace Diligence.Web.Pages.Shared.Items;

/// <summary>A list of items (a step's or a group's) to render with <c>_Items</c>.</summary>
public sealed record ItemList(StepView View, IReadOnlyList<Item> Items);
