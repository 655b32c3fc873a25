/// An entry of `contacts` in `site.yaml`.
extension Contact: Decodable {
    enum CodingKeys: String, CodingKey { case heading, organization, name, role, email, phone }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        heading = try c.decode(String.self, forKey: .heading)
        organization = try c.decodeIfPresent(String.self, forKey: .organization)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
    }
}
