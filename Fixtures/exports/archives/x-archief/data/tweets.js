window.YTD.tweets.part0 = [
  {
    "tweet": {
      "id_str": "1700000000000000001",
      "id": "1700000000000000001",
      "created_at": "Fri Mar 01 08:15:00 +0000 2024",
      "full_text": "Vandaag de Kinderboekenweek geopend &amp; de bieb is weer open!",
      "lang": "nl",
      "favorite_count": "3",
      "retweet_count": "1"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000002",
      "id": "1700000000000000002",
      "created_at": "Wed Mar 06 12:30:00 +0000 2024",
      "full_text": "Wat een kutweer voor de sportdag 🌧️",
      "lang": "nl",
      "favorite_count": "3",
      "retweet_count": "1"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000003",
      "id": "1700000000000000003",
      "created_at": "Mon Mar 11 09:00:00 +0000 2024",
      "full_text": "Vragen over de schoolreis? Bel juf Anouk op 06-41234567.",
      "lang": "nl",
      "favorite_count": "3",
      "retweet_count": "1"
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000004",
      "id": "1700000000000000004",
      "created_at": "Thu Mar 14 14:45:00 +0000 2024",
      "full_text": "📸 Onze leerling Fenna Koster won de tekenwedstrijd!",
      "lang": "nl",
      "favorite_count": "3",
      "retweet_count": "1",
      "extended_entities": {
        "media": [
          {
            "type": "photo",
            "id_str": "17000000000000000049",
            "media_url_https": "https://pbs.twimg.com/media/1700000000000000004.jpg"
          }
        ]
      }
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000005",
      "id": "1700000000000000005",
      "created_at": "Tue Mar 19 16:00:00 +0000 2024",
      "full_text": "De musical van groep 8 komt eraan: 12 april &gt; aula",
      "lang": "nl",
      "favorite_count": "3",
      "retweet_count": "1",
      "extended_entities": {
        "media": [
          {
            "type": "video",
            "id_str": "17000000000000000059",
            "media_url_https": "https://pbs.twimg.com/media/1700000000000000005.jpg"
          }
        ]
      }
    }
  },
  {
    "tweet": {
      "id_str": "1700000000000000006",
      "id": "1700000000000000006",
      "created_at": "Fri Mar 22 10:10:00 +0000 2024",
      "full_text": "Fijne lentevakantie allemaal! ☀️",
      "lang": "nl",
      "favorite_count": "3",
      "retweet_count": "1"
    }
  }
]
