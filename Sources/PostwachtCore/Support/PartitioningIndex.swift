extension RandomAccessCollection {
    /// The first index whose element satisfies `belongs`, in a collection where every element that does
    /// comes after every one that does not (a sorted array asked "at or after x?"): a binary search.
    func partitioningIndex(where belongs: (Element) -> Bool) -> Index {
        var low = startIndex
        var remaining = count
        while remaining > 0 {
            let half = remaining / 2
            let middle = index(low, offsetBy: half)
            if belongs(self[middle]) {
                remaining = half
            } else {
                low = index(after: middle)
                remaining -= half + 1
            }
        }
        return low
    }
}
