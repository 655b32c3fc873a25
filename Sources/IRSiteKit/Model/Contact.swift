/// An investor-relations contact printed with each release.
public struct Contact: Sendable, Hashable {
    public var heading: String
    public var organization: String?
    public var name: String?
    public var role: String?
    public var email: String?
    public var phone: String?
}
