using Diligence.Core.Reviews;
using Diligence.Data;
using Diligence.Web.Reviews;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Diligence.Web.Tests.Library;

public static class LifecycleSteps
{
    public static async Task MoveToAwaitingVendorAsync(this TestApp app, Guid reviewId)
    {
        using var scope = app.Services.CreateScope();
        var review = (await app.Get<IReviewStore>().GetAsync(reviewId))!;
        var outcome = await scope.ServiceProvider.GetRequiredService<ReviewLifecycleService>()
            .MoveAsync(reviewId, new LifecycleMove(ReviewStatus.AwaitingVendor, review.Version, null, null), review.OwnerId, CancellationToken.None);
        Assert.That(outcome, Is.InstanceOf<ChangeOutcome.Done>());
    }

    /// <summary>Moves a draft review through every status to decided (approved).</summary>
    public static async Task DecideAsync(this TestApp app, Guid reviewId)
    {
        foreach (var to in new[] { ReviewStatus.AwaitingVendor, ReviewStatus.InReview, ReviewStatus.ReadyForCommittee, ReviewStatus.Decided })
        {
            using var scope = app.Services.CreateScope();
            var review = (await app.Get<IReviewStore>().GetAsync(reviewId))!;
            var outcome = await scope.ServiceProvider.GetRequiredService<ReviewLifecycleService>().MoveAsync(reviewId,
                new LifecycleMove(to, review.Version, to == ReviewStatus.Decided ? Decision.Approve : null, "Fine for now."), review.OwnerId, CancellationToken.None);
            Assert.That(outcome, Is.InstanceOf<ChangeOutcome.Done>());
        }
    }
}
