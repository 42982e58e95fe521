using Diligence.Core.Reviews;

namespace Diligence.Data.Tests.Lifecycle;

public sealed class ReviewLifecycleTests
{
    [TestCase(ReviewStatus.Draft, ReviewStatus.AwaitingVendor)]
    [TestCase(ReviewStatus.AwaitingVendor, ReviewStatus.InReview)]
    [TestCase(ReviewStatus.InReview, ReviewStatus.ReadyForCommittee)]
    [TestCase(ReviewStatus.ReadyForCommittee, ReviewStatus.Decided)]
    public void A_review_moves_forward_one_step_at_a_time(ReviewStatus from, ReviewStatus to) =>
        Assert.That(ReviewLifecycle.CanMove(from, to), Is.True);

    [TestCase(ReviewStatus.InReview, ReviewStatus.AwaitingVendor)]
    [TestCase(ReviewStatus.ReadyForCommittee, ReviewStatus.InReview)]
    public void A_review_may_go_back_one_step_for_more_answers_or_more_review(ReviewStatus from, ReviewStatus to) =>
        Assert.That(ReviewLifecycle.CanMove(from, to), Is.True);

    [TestCase(ReviewStatus.Draft, ReviewStatus.InReview)]
    [TestCase(ReviewStatus.Draft, ReviewStatus.Decided)]
    [TestCase(ReviewStatus.AwaitingVendor, ReviewStatus.Draft)]
    [TestCase(ReviewStatus.AwaitingVendor, ReviewStatus.ReadyForCommittee)]
    [TestCase(ReviewStatus.InReview, ReviewStatus.Draft)]
    [TestCase(ReviewStatus.InReview, ReviewStatus.Decided)]
    [TestCase(ReviewStatus.ReadyForCommittee, ReviewStatus.AwaitingVendor)]
    public void A_review_cannot_skip_steps_or_go_back_further(ReviewStatus from, ReviewStatus to) =>
        Assert.That(ReviewLifecycle.CanMove(from, to), Is.False);

    [Test]
    public void A_review_does_not_move_to_the_status_it_already_has([Values] ReviewStatus status) =>
        Assert.That(ReviewLifecycle.CanMove(status, status), Is.False);

    [Test]
    public void A_decided_review_is_final_and_locked()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReviewLifecycle.NextFrom(ReviewStatus.Decided), Is.Empty);
            Assert.That(ReviewLifecycle.IsLocked(ReviewStatus.Decided), Is.True);
        }
    }

    [TestCase(ReviewStatus.Draft)]
    [TestCase(ReviewStatus.AwaitingVendor)]
    [TestCase(ReviewStatus.InReview)]
    [TestCase(ReviewStatus.ReadyForCommittee)]
    public void An_undecided_review_is_not_locked_and_can_move_on(ReviewStatus status)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReviewLifecycle.IsLocked(status), Is.False);
            Assert.That(ReviewLifecycle.NextFrom(status), Is.Not.Empty);
        }
    }

    [Test]
    public void The_forward_step_is_offered_first()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReviewLifecycle.NextFrom(ReviewStatus.InReview), Is.EqualTo(new[] { ReviewStatus.ReadyForCommittee, ReviewStatus.AwaitingVendor }));
            Assert.That(ReviewLifecycle.NextFrom(ReviewStatus.ReadyForCommittee), Is.EqualTo(new[] { ReviewStatus.Decided, ReviewStatus.InReview }));
        }
    }
}
