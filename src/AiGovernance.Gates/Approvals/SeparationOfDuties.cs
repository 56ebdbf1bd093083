namespace AiGovernance.Gates.Approvals;

/// <summary>Assigns reviewers to approval kinds so that each person counts for one kind only, meeting as many requirements
/// as possible (<see cref="ApprovalPolicy.DistinctReviewersAcrossKinds"/>).</summary>
/// <remarks>A bipartite matching between reviewers and the required reviewer slots of each kind (Kuhn's augmenting paths;
/// a handful of reviewers and kinds, so O(reviewers × approvals × slots) is nothing). A greedy choice in presentation
/// order could block a set that has a valid assignment — alice presented for fairness first, although only she can give
/// technical validation and bob covers fairness — so the assignment is by maximum matching, and ties go to presentation
/// order. A reviewer left unmatched (every kind they approved is already covered by others) keeps their first approval;
/// every other approval of an assigned reviewer is dropped.</remarks>
internal static class SeparationOfDuties
{
    /// <summary>Which approvals count: for each (reviewer, kind) pair, in presentation order, whether it is kept.</summary>
    /// <param name="requirements">The tier's requirements.</param>
    /// <param name="approvals">Valid approvals, at most one per reviewer and kind.</param>
    /// <returns>Per approval, true when it counts.</returns>
    public static bool[] Keep(IReadOnlyList<ApprovalRequirement> requirements, IReadOnlyList<(string ReviewerId, string Kind)> approvals)
    {
        var slotKinds = new List<string>();
        foreach (var requirement in requirements)
        {
            for (var i = 0; i < requirement.RequiredReviewers; i++)
            {
                slotKinds.Add(requirement.Kind);
            }
        }

        var reviewers = new List<string>();
        var byReviewer = new List<List<int>>();
        for (var a = 0; a < approvals.Count; a++)
        {
            var r = reviewers.IndexOf(approvals[a].ReviewerId);
            if (r < 0)
            {
                reviewers.Add(approvals[a].ReviewerId);
                byReviewer.Add([]);
                r = reviewers.Count - 1;
            }

            byReviewer[r].Add(a);
        }

        var slotOwner = new int[slotKinds.Count];
        var slotApproval = new int[slotKinds.Count];
        Array.Fill(slotOwner, -1);
        for (var r = 0; r < reviewers.Count; r++)
        {
            TryAssign(r, new bool[slotKinds.Count]);
        }

        var keep = new bool[approvals.Count];
        var assigned = new bool[reviewers.Count];
        for (var s = 0; s < slotKinds.Count; s++)
        {
            if (slotOwner[s] >= 0)
            {
                keep[slotApproval[s]] = true;
                assigned[slotOwner[s]] = true;
            }
        }

        for (var r = 0; r < reviewers.Count; r++)
        {
            if (!assigned[r])
            {
                keep[byReviewer[r][0]] = true;
            }
        }

        return keep;

        bool TryAssign(int reviewer, bool[] visited)
        {
            foreach (var a in byReviewer[reviewer])
            {
                for (var s = 0; s < slotKinds.Count; s++)
                {
                    if (visited[s] || !string.Equals(slotKinds[s], approvals[a].Kind, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    visited[s] = true;
                    if (slotOwner[s] < 0 || TryAssign(slotOwner[s], visited))
                    {
                        slotOwner[s] = reviewer;
                        slotApproval[s] = a;
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
