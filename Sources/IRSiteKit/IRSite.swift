public enum IRSite { public static let version = "0.1.0" }
