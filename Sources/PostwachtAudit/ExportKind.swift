import Foundation
import PostwachtCore

/// What a file of an export is, by its path and first bytes: posts of a platform, a companion file
/// of that platform that holds no posts, or unknown. The platforms' layouts are in docs/audit.md.
enum ExportKind: Equatable {
    case export(ExportFormat)
    case companion(reason: String)
    /// `isDataFile`: a JSON, CSV or XML file that is worth an error; media and the like are not.
    case unknown(isDataFile: Bool)

    static func of(path: String, head: Data, language: Language) -> ExportKind {
        let lower = path.lowercased()
        let fileName = (lower as NSString).lastPathComponent
        let start = headText(head)
        let isDataFile = ["json", "jsonl", "ndjson", "csv", "tsv", "xml"].contains((fileName as NSString).pathExtension)
        switch (fileName as NSString).pathExtension {
        case "jsonl", "ndjson": return .export(.jsonl)
        case "csv", "tsv":
            if mastodonAccountLists.contains(fileName) {
                return .companion(reason: language.say("Mastodon: lijst van accounts of adressen, geen berichten", "Mastodon: a list of accounts or addresses, no posts"))
            }
            return .export(.csv)
        case "xml":
            return start.contains("wordpress.org/export") || start.contains("<rss") ? .export(.wordpress) : .unknown(isDataFile: true)
        case "js": return twitter(fileName: fileName, start: start, language: language)
        case "json": return json(path: lower, fileName: fileName, start: start, language: language)
        default: return .unknown(isDataFile: isDataFile)
        }
    }

    /// The head as text; UTF-16 is converted first, so its markers are found too.
    private static func headText(_ head: Data) -> String {
        let bytes = [UInt8](head.prefix(4096))
        let start = EncodingDetection.start(of: bytes, choice: .automatic)
        if start.encoding != .utf8 {
            return String(decoding: TextTranscoder.convert(bytes.dropFirst(start.markLength), from: start.encoding).text, as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// X archive: `data/tweets.js` (older `tweet.js`, split `tweets-part1.js`) hold posts; every other
    /// `window.YTD.<name>` file (account, like, follower, tweet-headers, direct-messages, …) does not.
    private static func twitter(fileName: String, start: String, language: Language) -> ExportKind {
        func companion(_ what: String) -> ExportKind {
            .companion(reason: language.say("X-archief: \(fileName) (\(what), geen berichten)", "X archive: \(fileName) (\(what), no posts)"))
        }
        if start.hasPrefix("window.__THAR_CONFIG") { return companion(language.say("inhoudsopgave van het archief", "the archive's table of contents")) }
        if let dataset = ytdDataset(start) {
            return postDatasets.contains(dataset) ? .export(.twitter) : companion(dataset)
        }
        // A file named like the posts file is read as one even when its contents are off: the reader
        // then says what is wrong with it, instead of the file being skipped unseen.
        let base = (fileName as NSString).deletingPathExtension
        if base == "tweets" || base == "tweet" || base.hasPrefix("tweets-part") || base.hasPrefix("tweet-part") { return .export(.twitter) }
        if base.hasPrefix("tweet") { return companion(base) }
        return .unknown(isDataFile: false)
    }

    /// `window.YTD.tweets.part0 = [` → "tweets".
    private static func ytdDataset(_ start: String) -> String? {
        guard start.hasPrefix("window.YTD.") else { return nil }
        let rest = start.dropFirst("window.YTD.".count)
        return String(rest.prefix { $0 != "." && $0 != " " && $0 != "=" })
    }

    private static let postDatasets: Set<String> = ["tweets", "tweet"]

    private static func json(path: String, fileName: String, start: String, language: Language) -> ExportKind {
        if let mastodon = mastodon(fileName: fileName, start: start, language: language) { return mastodon }
        // Inside a Facebook or Instagram download the folders say what a file is: the posts files are
        // known by name, and everything else there (followers, likes, logins, messages) holds no posts.
        if path.contains("your_instagram_activity/") {
            if instagramPostFiles.contains(where: { fileName.hasPrefix($0) }) { return .export(.instagram) }
            return .companion(reason: language.say("Instagram-export: \(fileName) (geen berichten)", "Instagram export: \(fileName) (no posts)"))
        }
        if facebookActivityFolders.contains(where: path.contains) {
            if fileName.contains("posts"), !fileName.hasPrefix("edits_") { return .export(.facebook) }
            if PlatformPosts.isFacebookComments(fileName) { return .export(.facebook) }
            return .companion(reason: language.say("Facebook-export: \(fileName) (geen berichten)", "Facebook export: \(fileName) (no posts)"))
        }
        if let folder = accountDataFolders.first(where: path.contains) {
            return .companion(reason: language.say("accountgegevens (\(folder.dropLast())): \(fileName), geen berichten",
                                                   "account data (\(folder.dropLast())): \(fileName), no posts"))
        }
        // Older Facebook downloads: `comments/comments.json` outside the activity folders.
        if path.hasSuffix("comments/comments.json") { return .export(.facebook) }
        if path.contains("instagram") || start.contains("\"creation_timestamp\"") && !start.contains("\"timestamp\"") { return .export(.instagram) }
        if start.contains("\"timestamp\"") || fileName.contains("post") { return .export(.facebook) }
        return .unknown(isDataFile: true)
    }

    /// The folders of a Facebook download that hold the account's own activity.
    private static let facebookActivityFolders = ["your_facebook_activity/", "this_profile's_activity_across_facebook/", "your_activity_across_facebook/"]

    /// Folders of Facebook and Instagram downloads that hold account data and never posts.
    private static let accountDataFolders = [
        "personal_information/", "logged_information/", "connections/", "preferences/", "security_and_login_information/",
        "ads_information/", "apps_and_websites_off_of_facebook/", "apps_and_websites/",
    ]

    /// Mastodon archive: `outbox.json` holds the posts; `actor.json` (the profile), `likes.json` and
    /// `bookmarks.json` (collections of other people's post addresses) do not.
    private static func mastodon(fileName: String, start: String, language: Language) -> ExportKind? {
        func companion(_ what: String) -> ExportKind {
            .companion(reason: language.say("Mastodon-archief: \(fileName) (\(what), geen berichten)", "Mastodon archive: \(fileName) (\(what), no posts)"))
        }
        if fileName.hasPrefix("outbox") { return .export(.mastodon) }
        switch fileName {
        case "actor.json": return companion(language.say("profiel", "profile"))
        case "likes.json": return companion(language.say("favorieten", "favourites"))
        case "bookmarks.json": return companion(language.say("bladwijzers", "bookmarks"))
        default: break
        }
        guard start.contains("\"orderedItems\"") || start.contains("\"preferredUsername\"") else { return nil }
        if start.contains("\"preferredUsername\"") && !start.contains("\"orderedItems\"") { return companion(language.say("profiel", "profile")) }
        // An outbox is made of activities; likes and bookmarks are lists of addresses.
        return start.contains("\"Create\"") || start.contains("\"Announce\"") ? .export(.mastodon)
            : companion(language.say("lijst van adressen", "a list of addresses"))
    }

    /// Instagram files that hold the account's own posts: posts, archived posts, stories, reels.
    private static let instagramPostFiles = ["posts_", "archived_posts", "stories", "reels", "igtv_videos"]

    /// Mastodon's "Import and export" lists: accounts followed, blocked, muted; lists; bookmarks.
    private static let mastodonAccountLists: Set<String> = [
        "following_accounts.csv", "followers.csv", "blocked_accounts.csv", "muted_accounts.csv", "blocked_domains.csv", "lists.csv", "bookmarks.csv",
    ]
}
