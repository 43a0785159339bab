#!/usr/bin/env python3
"""Writes the real-world-shaped archive folders in this directory (Python 3 standard library only,
no randomness: re-running gives byte-identical files). Everything is invented: the school, names,
numbers, addresses and domains. See README.md for what each folder imitates and what an audit of it
must yield."""
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
SCHOOL = "Basisschool De Regenboog"
JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")  # a tiny (empty) JPEG
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4bb0000000049454e44ae426082")


def write(path, content):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    mode = "wb" if isinstance(content, bytes) else "w"
    with open(full, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": "\n"})) as f:
        f.write(content)


def mojibake(text):
    """Facebook's and Instagram's quirk: each UTF-8 byte of non-ASCII text as its own \\u00XX escape."""
    return text.encode("utf-8").decode("latin-1")


def dumps(value):
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def ytd(name, items):
    return f"window.YTD.{name}.part0 = " + json.dumps(items, ensure_ascii=False, indent=2) + "\n"


# ---- X archive: tweets.js beside the companion files every archive has ----
TWEETS = [
    ("1700000000000000001", "Fri Mar 01 08:15:00 +0000 2024", "Vandaag de Kinderboekenweek geopend &amp; de bieb is weer open!", None),
    ("1700000000000000002", "Wed Mar 06 12:30:00 +0000 2024", "Wat een kutweer voor de sportdag 🌧️", None),
    ("1700000000000000003", "Mon Mar 11 09:00:00 +0000 2024", "Vragen over de schoolreis? Bel juf Anouk op 06-41234567.", None),
    ("1700000000000000004", "Thu Mar 14 14:45:00 +0000 2024", "📸 Onze leerling Fenna Koster won de tekenwedstrijd!", "photo"),
    ("1700000000000000005", "Tue Mar 19 16:00:00 +0000 2024", "De musical van groep 8 komt eraan: 12 april &gt; aula", "video"),
    ("1700000000000000006", "Fri Mar 22 10:10:00 +0000 2024", "Fijne lentevakantie allemaal! ☀️", None),
]


def tweet(id_str, created, text, media):
    body = {"id_str": id_str, "id": id_str, "created_at": created, "full_text": text, "lang": "nl",
            "favorite_count": "3", "retweet_count": "1"}
    if media:
        body["extended_entities"] = {"media": [{"type": media, "id_str": id_str + "9",
                                                "media_url_https": f"https://pbs.twimg.com/media/{id_str}.jpg"}]}
    return {"tweet": body}


def x_archive():
    root = "x-archief"
    write(f"{root}/Your archive.html", "<!doctype html><meta charset=utf-8><title>Your archive</title><script src=assets/js/main.js></script>\n")
    write(f"{root}/assets/js/main.js", "/* the archive viewer's code: no data */\nwindow.addEventListener('load', () => {});\n")
    write(f"{root}/data/manifest.js", "window.__THAR_CONFIG = " + dumps({
        "userInfo": {"accountId": "1500000001", "userName": "obsregenboog", "displayName": SCHOOL},
        "dataTypes": {"tweets": {"files": [{"fileName": "data/tweets.js", "globalName": "YTD.tweets.part0", "count": str(len(TWEETS))}]}}}))
    write(f"{root}/data/account.js", ytd("account", [{"account": {"email": "info@regenboog-voorbeeld.nl", "createdVia": "web",
                                                                  "username": "obsregenboog", "accountId": "1500000001",
                                                                  "createdAt": "2015-09-01T08:00:00.000Z", "accountDisplayName": SCHOOL}}]))
    write(f"{root}/data/tweets.js", ytd("tweets", [tweet(*t) for t in TWEETS]))
    # Headers of the same tweets: read as tweets, each would be an error record.
    write(f"{root}/data/tweet-headers.js", ytd("tweet_headers", [
        {"tweet": {"tweet_id": t[0], "user_id": "1500000001", "created_at": t[1]}} for t in TWEETS]))
    write(f"{root}/data/like.js", ytd("like", [
        {"like": {"tweetId": "1600000000000000001", "fullText": "Gemeente: de Kinderboekenweek begint!",
                  "expandedUrl": "https://twitter.com/i/web/status/1600000000000000001"}},
        {"like": {"tweetId": "1600000000000000002", "fullText": "Bibliotheek: nieuwe boeken voor groep 3",
                  "expandedUrl": "https://twitter.com/i/web/status/1600000000000000002"}}]))
    write(f"{root}/data/follower.js", ytd("follower", [{"follower": {"accountId": "1500000101", "userLink": "https://twitter.com/intent/user?user_id=1500000101"}}]))
    write(f"{root}/data/following.js", ytd("following", [{"following": {"accountId": "1500000202", "userLink": "https://twitter.com/intent/user?user_id=1500000202"}}]))
    write(f"{root}/data/direct-messages.js", ytd("direct_messages", [{"dmConversation": {"conversationId": "1500000001-1500000101", "messages": [
        {"messageCreate": {"recipientId": "1500000101", "text": "Dank voor uw bericht!", "senderId": "1500000001", "createdAt": "2024-03-02T10:00:00.000Z"}}]}}]))
    write(f"{root}/data/tweets_media/1700000000000000004-Fx1.jpg", JPEG)


# ---- Mastodon archive: outbox.json with actor.json, likes.json, bookmarks.json and media ----
BASE = "https://mastodon.voorbeeld.nl/users/regenboog"


def note(number, published, html, attachment=None, summary=None):
    obj = {"id": f"{BASE}/statuses/{number}", "type": "Note", "summary": summary, "inReplyTo": None, "published": published,
           "url": f"https://mastodon.voorbeeld.nl/@regenboog/{number}", "attributedTo": BASE,
           "to": ["https://www.w3.org/ns/activitystreams#Public"], "cc": [f"{BASE}/followers"], "sensitive": summary is not None,
           "content": html, "attachment": attachment or [], "tag": []}
    return {"id": f"{BASE}/statuses/{number}/activity", "type": "Create", "actor": BASE, "published": published,
            "to": obj["to"], "cc": obj["cc"], "object": obj}


def mastodon_archive():
    root = "mastodon-archief"
    items = [
        note(111000000000000001, "2024-02-01T08:00:00Z", "<p>Welkom op ons nieuwe Mastodon-account!</p>"),
        {"id": f"{BASE}/statuses/111000000000000002/activity", "type": "Announce", "actor": BASE, "published": "2024-02-02T09:00:00Z",
         "to": ["https://www.w3.org/ns/activitystreams#Public"], "object": "https://onderwijs.voorbeeld.social/users/gemeente/statuses/9"},
        note(111000000000000003, "2024-02-05T12:00:00Z",
             "<p>Mail de juf gerust: <a href=\"mailto:juf.marloes@gmail.com\">juf.marloes@gmail.com</a></p>"),
        note(111000000000000004, "2024-02-09T15:30:00Z", "<p>De sportdag was geweldig!</p>",
             attachment=[{"type": "Document", "mediaType": "image/jpeg", "url": "/media_attachments/files/111/000/004/original/sportdag.jpg",
                          "name": None, "blurhash": "UBL_:rOpGG-;"}]),
        note(111000000000000005, "2024-02-12T10:00:00Z", "<p>Wat een klotedag was het.</p>", summary="persoonlijk"),
    ]
    write(f"{root}/outbox.json", dumps({"@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json",
                                       "type": "OrderedCollection", "totalItems": len(items), "orderedItems": items}))
    write(f"{root}/actor.json", dumps({"@context": ["https://www.w3.org/ns/activitystreams"], "id": BASE, "type": "Person",
                                      "preferredUsername": "regenboog", "name": SCHOOL, "summary": "<p>Openbare basisschool</p>",
                                      "outbox": "outbox.json", "icon": {"type": "Image", "mediaType": "image/png", "url": "avatar.png"},
                                      "image": {"type": "Image", "mediaType": "image/jpeg", "url": "header.jpg"}}))
    for name, statuses in (("likes.json", [7, 8, 9]), ("bookmarks.json", [10, 11])):
        write(f"{root}/{name}", dumps({"@context": "https://www.w3.org/ns/activitystreams", "id": name, "type": "OrderedCollection",
                                      "orderedItems": [f"https://onderwijs.voorbeeld.social/users/gemeente/statuses/{n}" for n in statuses]}))
    write(f"{root}/avatar.png", PNG)
    write(f"{root}/header.jpg", JPEG)
    write(f"{root}/media_attachments/files/111/000/004/original/sportdag.jpg", JPEG)


# ---- Instagram: posts with and without captions, stories, and the companion files ----
def instagram_export():
    root = "instagram-export"
    posts = [
        {"media": [{"uri": "media/posts/202403/1001.jpg", "creation_timestamp": 1709800000, "title": mojibake("Onze moestuin bloeit 🌱")}]},
        {"media": [{"uri": "media/posts/202403/1002.jpg", "creation_timestamp": 1709900000, "title": ""}]},
        {"media": [{"uri": "media/posts/202403/1003.jpg", "creation_timestamp": 1710000000, "title": ""},
                   {"uri": "media/posts/202403/1003_2.jpg", "creation_timestamp": 1710000000, "title": ""}],
         "title": mojibake("📸 Onze leerling Fenna Koster met haar tekening"), "creation_timestamp": 1710000000},
        {"media": [{"uri": "media/posts/202403/1004.jpg", "creation_timestamp": 1710100000, "title": ""}]},
        {"media": [{"uri": "media/posts/202403/1005.mp4", "creation_timestamp": 1710200000, "title": mojibake("Wat een kutweer, toch buiten gespeeld ☔")}]},
        {"media": [{"uri": "media/posts/202403/1006.jpg", "creation_timestamp": 1710300000, "title": ""}], "title": "", "creation_timestamp": 1710300000},
    ]
    write(f"{root}/your_instagram_activity/content/posts_1.json", dumps(posts))
    write(f"{root}/your_instagram_activity/content/stories.json", dumps({"ig_stories": [
        {"uri": "media/stories/202403/2001.jpg", "creation_timestamp": 1710400000, "title": ""},
        {"uri": "media/stories/202403/2002.jpg", "creation_timestamp": 1710500000, "title": "Morgen open dag!"}]}))
    write(f"{root}/your_instagram_activity/likes/liked_posts.json", dumps({"likes_media_likes": [
        {"title": "gemeente_voorbeeld", "string_list_data": [{"href": "https://www.instagram.com/p/Cx1/", "value": "👍", "timestamp": 1710000100}]}]}))
    write(f"{root}/your_instagram_activity/saved/saved_posts.json", dumps({"saved_saved_media": [
        {"title": "bibliotheek_voorbeeld", "string_map_data": {"Saved on": {"href": "https://www.instagram.com/p/Cx2/", "timestamp": 1710000200}}}]}))
    write(f"{root}/connections/followers_and_following/followers_1.json", dumps([
        {"title": "", "media_list_data": [], "string_list_data": [{"href": "https://www.instagram.com/ouders_voorbeeld", "value": "ouders_voorbeeld", "timestamp": 1700000000}]}]))
    write(f"{root}/personal_information/personal_information/personal_information.json", dumps({"profile_user": [
        {"title": "", "media_map_data": {}, "string_map_data": {"Username": {"href": "", "value": "obs_regenboog", "timestamp": 0}}}]}))
    for name in ("1001.jpg", "1002.jpg", "1003.jpg", "1003_2.jpg", "1004.jpg", "1006.jpg"):
        write(f"{root}/media/posts/202403/{name}", JPEG)
    write(f"{root}/media/posts/202403/1005.mp4", b"\x00\x00\x00\x18ftypmp42")


# ---- Facebook: posts (the author only in the title) with photo-only entries, and account data ----
def facebook_export():
    root = "facebook-export"
    posts = [
        {"timestamp": 1709800000, "title": mojibake(f"{SCHOOL} heeft een nieuwe foto toegevoegd."),
         "data": [{"post": mojibake("Wat een feest, de opening van het schoolplein! 🎉")}],
         "attachments": [{"data": [{"media": {"uri": "your_facebook_activity/posts/media/Plein_1/1001.jpg", "creation_timestamp": 1709800000, "title": ""}}]}]},
        {"timestamp": 1709900000, "title": f"{SCHOOL} added a new photo.",
         "attachments": [{"data": [{"media": {"uri": "your_facebook_activity/posts/media/Plein_1/1002.jpg", "creation_timestamp": 1709900000, "title": ""}}]}]},
        {"timestamp": 1710000000, "title": f"{SCHOOL} updated their status.", "data": [{"post": "Bel de administratie op 06-43218765 bij ziekte."}]},
        {"timestamp": 1710100000, "title": f"{SCHOOL} added 2 new photos.",
         "attachments": [{"data": [{"media": {"uri": "your_facebook_activity/posts/media/Plein_1/1003.jpg", "creation_timestamp": 1710100000,
                                              "description": "Groep 5 bij het nieuwe klimrek", "title": ""}}]},
                         {"data": [{"media": {"uri": "your_facebook_activity/posts/media/Plein_1/1004.jpg", "creation_timestamp": 1710100000, "title": ""}}]}]},
        {"timestamp": 1710200000, "title": f"{SCHOOL} updated their status.", "data": [{"update_timestamp": 1710200000}]},
    ]
    write(f"{root}/your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json", dumps(posts))
    write(f"{root}/your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json", dumps([
        {"timestamp": 1709800100, "data": [{"reaction": {"reaction": "LIKE", "actor": SCHOOL}}], "title": f"{SCHOOL} likes a post."}]))
    write(f"{root}/connections/friends/your_friends.json", dumps({"friends_v2": [{"name": "Ouderraad Regenboog", "timestamp": 1600000000}]}))
    write(f"{root}/personal_information/profile_information/profile_information.json", dumps({"profile_v2": {"name": {"full_name": SCHOOL}}}))
    for name in ("1001.jpg", "1002.jpg", "1003.jpg", "1004.jpg"):
        write(f"{root}/your_facebook_activity/posts/media/Plein_1/{name}", JPEG)


# ---- WordPress: two sites' exports in one folder, with the same post ids, menus and revisions ----
WXR_HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>{site}</title>
<link>https://{host}</link>
<language>nl-NL</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://{host}</wp:base_site_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[redactie]]></wp:author_login></wp:author>
"""


def wxr_item(post_id, title, html, post_type="post", parent=0, status="publish", url=None):
    meta = f"<wp:attachment_url><![CDATA[{url}]]></wp:attachment_url>\n" if url else ""
    return f"""<item>
<title><![CDATA[{title}]]></title>
<dc:creator><![CDATA[redactie]]></dc:creator>
<content:encoded><![CDATA[{html}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id>
<wp:post_date_gmt><![CDATA[2024-03-0{post_id % 9 + 1} 09:00:00]]></wp:post_date_gmt>
<wp:status><![CDATA[{status}]]></wp:status>
<wp:post_parent>{parent}</wp:post_parent>
<wp:post_type><![CDATA[{post_type}]]></wp:post_type>
{meta}<wp:postmeta><wp:meta_key><![CDATA[_edit_last]]></wp:meta_key><wp:meta_value><![CDATA[1]]></wp:meta_value></wp:postmeta>
</item>
"""


def wordpress_sites():
    root = "wordpress-sites"
    for file_name, site, host, posts in (
        ("regenboog.WordPress.2024-03-30.xml", SCHOOL, "regenboog-voorbeeld.nl", [
            (1, "Welkom terug", "<!-- wp:paragraph -->\n<p>Welkom terug na de vakantie!</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>We beginnen maandag om 8.30 uur.</p>\n<!-- /wp:paragraph -->"),
            (2, "Sportdag", "<!-- wp:heading -->\n<h2>Sportdag</h2>\n<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>Wat een klotedag met die regen.</p>\n<!-- /wp:paragraph -->"),
        ]),
        ("regenboog-nevenvestiging.WordPress.2024-03-30.xml", SCHOOL + " (nevenvestiging)", "nevenvestiging.regenboog-voorbeeld.nl", [
            (1, "Open dag", "<p>Open dag op 12 april, iedereen welkom.</p>"),
            (2, "Contact", "<p>Mail de directie: directie.regenboog@gmail.com</p>"),
        ]),
    ):
        items = [wxr_item(post_id, title, html) for post_id, title, html in posts]
        items.append(wxr_item(3, "sportdag.jpg", "", post_type="attachment", parent=2, status="inherit", url=f"https://{host}/wp-content/uploads/sportdag.jpg"))
        items.append(wxr_item(4, "Home", "", post_type="nav_menu_item"))
        items.append(wxr_item(5, posts[0][1], posts[0][2], post_type="revision", parent=1, status="inherit"))
        write(f"{root}/{file_name}", WXR_HEAD.format(site=site, host=host) + "".join(items) + "</channel>\n</rss>\n")


if __name__ == "__main__":
    for folder in ("x-archief", "mastodon-archief", "instagram-export", "facebook-export", "wordpress-sites"):
        shutil.rmtree(os.path.join(HERE, folder), ignore_errors=True)
    x_archive()
    mastodon_archive()
    instagram_export()
    facebook_export()
    wordpress_sites()
