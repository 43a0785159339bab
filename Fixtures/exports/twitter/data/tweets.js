window.YTD.tweets.part0 = [
  {
    "tweet": {
      "id_str": "1519847799602604648",
      "id": "1519847799602604648",
      "created_at": "Sun Sep 29 23:39:47 +0000 2024",
      "full_text": "Juf Joëlle is met zwangerschapsverlof. We wensen haar veel geluk! 👶",
      "lang": "nl",
      "favorite_count": "20",
      "retweet_count": "10",
      "extended_entities": {
        "media": [
          {
            "type": "video",
            "id_str": "1519847799602604777",
            "media_url_https": "https://pbs.twimg.com/media/F4626561827.jpg"
          }
        ]
      }
    }
  },
  {
    "tweet": {
      "id_str": "1559676193455302455",
      "id": "1559676193455302455",
      "created_at": "Tue Aug 29 19:11:20 +0000 2023",
      "full_text": "De oud-papierinzameling bracht € 412 op. Top! ♻️ Info &amp; aanmelden: zie de site.",
      "lang": "nl",
      "favorite_count": "10",
      "retweet_count": "6"
    }
  },
  {
    "tweet": {
      "id_str": "1537966236041662204",
      "id": "1537966236041662204",
      "created_at": "Wed Apr 19 15:50:28 +0000 2023",
      "full_text": "Sint en zijn Pieten kwamen op bezoek 🎁 Wat een feest!",
      "lang": "nl",
      "favorite_count": "59",
      "retweet_count": "7"
    }
  },
  {
    "tweet": {
      "id_str": "1546951178785613409",
      "id": "1546951178785613409",
      "created_at": "Sun Oct 08 19:48:48 +0000 2023",
      "full_text": "Ik vind de werkdruk op school te hoog. Zo kan het niet langer. 😩",
      "lang": "nl",
      "favorite_count": "66",
      "retweet_count": "7"
    }
  },
  {
    "tweet": {
      "id_str": "1575617085965607856",
      "id": "1575617085965607856",
      "created_at": "Wed Nov 22 15:15:06 +0000 2023",
      "full_text": "Groep 8 oefent hard voor de musical. Première op 5 juli 🎭",
      "lang": "nl",
      "favorite_count": "35",
      "retweet_count": "1",
      "extended_entities": {
        "media": [
          {
            "type": "photo",
            "id_str": "1575617085965607777",
            "media_url_https": "https://pbs.twimg.com/media/F4641573690.jpg"
          }
        ]
      }
    }
  },
  {
    "tweet": {
      "id_str": "1565444675320629858",
      "id": "1565444675320629858",
      "created_at": "Mon Dec 26 08:47:13 +0000 2022",
      "full_text": "Wat een mooie sportdag vandaag! ☀️🏃‍♀️ Dank aan alle ouders die hielpen. Groep 3 &gt; groep 4 bij het dammen 😉",
      "lang": "nl",
      "favorite_count": "42",
      "retweet_count": "6"
    }
  },
  {
    "tweet": {
      "id_str": "1526294028888654896",
      "id": "1526294028888654896",
      "created_at": "Fri Apr 26 17:18:55 +0000 2024",
      "full_text": "Het is weer tijd voor de Week van de Lentekriebels 🌷",
      "lang": "nl",
      "favorite_count": "3",
      "retweet_count": "5"
    }
  },
  {
    "tweet": {
      "id_str": "1582481770379446209",
      "id": "1582481770379446209",
      "created_at": "Thu Sep 01 12:24:13 +0000 2022",
      "full_text": "Bedankt voor alle inzendingen voor de tekenwedstrijd 🎨 Info &amp; aanmelden: zie de site.",
      "lang": "nl",
      "favorite_count": "68",
      "retweet_count": "3"
    }
  },
  {
    "tweet": {
      "id_str": "1580099187064899575",
      "id": "1580099187064899575",
      "created_at": "Mon Jun 20 09:40:12 +0000 2022",
      "full_text": "Het nieuwe schooljaar start op maandag 2 september.",
      "lang": "nl",
      "favorite_count": "72",
      "retweet_count": "11",
      "extended_entities": {
        "media": [
          {
            "type": "photo",
            "id_str": "1580099187064899777",
            "media_url_https": "https://pbs.twimg.com/media/F3386860032.jpg"
          }
        ]
      }
    }
  },
  {
    "tweet": {
      "id_str": "1524683342131702087",
      "id": "1524683342131702087",
      "created_at": "Tue Jun 07 14:32:38 +0000 2022",
      "full_text": "Het is weer tijd voor de Week van de Lentekriebels 🌷",
      "lang": "nl",
      "favorite_count": "13",
      "retweet_count": "10"
    }
  },
  {
    "tweet": {
      "id_str": "1593090397575486663",
      "id": "1593090397575486663",
      "created_at": "Mon Apr 04 20:50:55 +0000 2022",
      "full_text": "Wat een kut weer voor het schoolreisje 🙄",
      "lang": "nl",
      "favorite_count": "80",
      "retweet_count": "1"
    }
  },
  {
    "tweet": {
      "id_str": "1541942726741900370",
      "id": "1541942726741900370",
      "created_at": "Tue Feb 27 00:24:44 +0000 2024",
      "full_text": "Welkom aan onze nieuwe collega Sanne in groep 4! 👋",
      "lang": "nl",
      "favorite_count": "40",
      "retweet_count": "2"
    }
  },
  {
    "tweet": {
      "id_str": "1559323909418059003",
      "id": "1559323909418059003",
      "created_at": "Fri Feb 10 05:30:08 +0000 2023",
      "full_text": "Er is weer luizencontrole na de vakantie. Dank aan de luizenouders!",
      "lang": "nl",
      "favorite_count": "32",
      "retweet_count": "6",
      "extended_entities": {
        "media": [
          {
            "type": "video",
            "id_str": "1559323909418059777",
            "media_url_https": "https://pbs.twimg.com/media/F5146502124.jpg"
          }
        ]
      }
    }
  },
  {
    "tweet": {
      "id_str": "1544663987780050427",
      "id": "1544663987780050427",
      "created_at": "Thu Mar 31 00:43:54 +0000 2022",
      "full_text": "De nieuwe speeltuin is geopend 🎉\nDank aan de oudervereniging! Info &amp; aanmelden: zie de site.",
      "lang": "nl",
      "favorite_count": "15",
      "retweet_count": "1"
    }
  },
  {
    "tweet": {
      "id_str": "1550484535338548772",
      "id": "1550484535338548772",
      "created_at": "Sun Dec 01 09:27:56 +0000 2024",
      "full_text": "Workshop programmeren voor groep 7 en 8 💻🤖",
      "lang": "nl",
      "favorite_count": "40",
      "retweet_count": "12"
    }
  },
  {
    "tweet": {
      "id_str": "1505477941370298827",
      "id": "1505477941370298827",
      "created_at": "Sun Dec 10 10:34:44 +0000 2023",
      "full_text": "Zomerfeest! Springkussen, ijsjes en muziek 🍦🎶",
      "lang": "nl",
      "favorite_count": "51",
      "retweet_count": "5"
    }
  },
  {
    "tweet": {
      "id_str": "1561410934739011581",
      "id": "1561410934739011581",
      "created_at": "Fri Aug 02 03:53:29 +0000 2024",
      "full_text": "Meester Niels fietste met groep 7 naar de kinderboerderij 🐐",
      "lang": "nl",
      "favorite_count": "15",
      "retweet_count": "10",
      "extended_entities": {
        "media": [
          {
            "type": "photo",
            "id_str": "1561410934739011777",
            "media_url_https": "https://pbs.twimg.com/media/F6375484724.jpg"
          }
        ]
      }
    }
  },
  {
    "tweet": {
      "id_str": "1562941065167343260",
      "id": "1562941065167343260",
      "created_at": "Thu Mar 30 10:07:36 +0000 2023",
      "full_text": "Die tering parkeerders bij de ingang weer… 😡",
      "lang": "nl",
      "favorite_count": "3",
      "retweet_count": "4"
    }
  },
  {
    "tweet": {
      "id_str": "1517627486019248728",
      "id": "1517627486019248728",
      "created_at": "Mon Dec 16 02:41:10 +0000 2024",
      "full_text": "Vanaf maandag gelden de nieuwe brengtijden: 8.20–8.30 uur.",
      "lang": "nl",
      "favorite_count": "38",
      "retweet_count": "12"
    }
  },
  {
    "tweet": {
      "id_str": "1502921230179527451",
      "id": "1502921230179527451",
      "created_at": "Tue Oct 10 05:20:05 +0000 2023",
      "full_text": "Welkom aan onze nieuwe collega Lotte in groep 4! 👋 Info &amp; aanmelden: zie de site.",
      "lang": "nl",
      "favorite_count": "69",
      "retweet_count": "5"
    }
  },
  {
    "tweet": {
      "id_str": "1523364549559399000",
      "id": "1523364549559399000",
      "created_at": "Thu Nov 03 17:24:21 +0000 2022",
      "full_text": "Workshop programmeren voor groep 7 en 8 💻🤖",
      "lang": "nl",
      "favorite_count": "79",
      "retweet_count": "1",
      "extended_entities": {
        "media": [
          {
            "type": "photo",
            "id_str": "1523364549559399777",
            "media_url_https": "https://pbs.twimg.com/media/F1508021414.jpg"
          }
        ]
      }
    }
  },
  {
    "tweet": {
      "id_str": "1593371290203841284",
      "id": "1593371290203841284",
      "created_at": "Fri Jul 15 05:45:46 +0000 2022",
      "full_text": "Juf Jesse is met zwangerschapsverlof. We wensen haar veel geluk! 👶",
      "lang": "nl",
      "favorite_count": "38",
      "retweet_count": "0"
    }
  },
  {
    "tweet": {
      "id_str": "1559850761640669670",
      "id": "1559850761640669670",
      "created_at": "Sun Oct 22 20:34:35 +0000 2023",
      "full_text": "Onze kleuters vierden de 100e schooldag 💯",
      "lang": "nl",
      "favorite_count": "49",
      "retweet_count": "6"
    }
  },
  {
    "tweet": {
      "id_str": "1531642693362758246",
      "id": "1531642693362758246",
      "created_at": "Sat Jan 07 17:58:24 +0000 2023",
      "full_text": "Kinderen geven ideeën voor het nieuwe logo ✏️",
      "lang": "nl",
      "favorite_count": "16",
      "retweet_count": "2"
    }
  },
  {
    "tweet": {
      "id_str": "1536745673829192663",
      "id": "1536745673829192663",
      "created_at": "Tue Apr 23 09:47:17 +0000 2024",
      "full_text": "Klote dat de musical niet doorgaat.\nVolgend jaar beter!",
      "lang": "nl",
      "favorite_count": "18",
      "retweet_count": "3",
      "extended_entities": {
        "media": [
          {
            "type": "video",
            "id_str": "1536745673829192777",
            "media_url_https": "https://pbs.twimg.com/media/F1100339029.jpg"
          }
        ]
      }
    }
  }
]