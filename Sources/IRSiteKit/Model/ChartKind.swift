/// What a chart draws. Every kind is a bar chart on a linear value axis whose
/// domain includes zero.
public enum ChartKind: String, Sendable, Hashable, CaseIterable {
    /// Vertical bars, one series across categories (usually periods). Given
    /// several series it draws them side by side, like `groupedBar`.
    case bar
    /// Vertical bars, several series side by side within each category.
    case groupedBar = "grouped_bar"
    /// Vertical bars whose segments (one per series) add up to the category's
    /// total, which is labelled. Positive parts stack up from zero, negative
    /// parts down from zero; where both occur a marker shows the net total.
    case stackedBar = "stacked_bar"
    /// Horizontal bars for long category labels (contract tiers, segments);
    /// several series are drawn side by side within each category.
    case horizontalBar = "horizontal_bar"
}
