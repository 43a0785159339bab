window.YTD.tweets.part1 = [
  {
    "tweet": {
      "id_str": "1538019906997463857",
      "id": "1538019906997463857",
      "created_at": "Tue Mar 07 01:01:43 +0000 2023",
      "full_text": "Het rapport gaat vrijdag mee naar huis.",
      "lang": "nl",
      "favorite_count": "40",
      "retweet_count": "2",
      "extended_entities": {
        "media": [
          {
            "type": "video",
            "id_str": "1538019906997463777",
            "media_url_https": "https://pbs.twimg.com/media/F3549709526.jpg"
          }
        ]
      }
    }
  },
  {
    "tweet": {
      "id_str": "1549101918397899786",
      "id": "1549101918397899786",
      "created_at": "Thu Oct 06 12:52:19 +0000 2022",
      "full_text": "Workshop programmeren voor groep 7 en 8 💻🤖 Info &amp; aanmelden: zie de site.",
      "lang": "nl",
      "favorite_count": "66",
      "retweet_count": "12"
    }
  },
  {
    "tweet": {
      "id_str": "1501644258825403466",
      "id": "1501644258825403466",
      "created_at": "Tue May 09 05:10:52 +0000 2023",
      "full_text": "De Kinderboekenweek is begonnen! 📚 Thema dit jaar: ‘Lees maar raak’.",
      "lang": "nl",
      "favorite_count": "80",
      "retweet_count": "3"
    }
  },
  {
    "tweet": {
      "id_str": "1573299903360291841",
      "id": "1573299903360291841",
      "created_at": "Mon Jan 01 23:11:29 +0000 2024",
      "full_text": "De Kinderboekenweek is begonnen! 📚 Thema dit jaar: ‘Lees maar raak’.",
      "lang": "nl",
      "favorite_count": "19",
      "retweet_count": "11"
    }
  },
  {
    "tweet": {
      "id_str": "1580933681824658494",
      "id": "1580933681824658494",
      "created_at": "Tue Sep 12 22:34:09 +0000 2023",
      "full_text": "Dank aan alle vrijwilligers van de bieb 📚❤️",
      "lang": "nl",
      "favorite_count": "35",
      "retweet_count": "5",
      "extended_entities": {
        "media": [
          {
            "type": "photo",
            "id_str": "1580933681824658777",
            "media_url_https": "https://pbs.twimg.com/media/F4698881837.jpg"
          }
        ]
      }
    }
  },
  {
    "tweet": {
      "id_str": "1565941374365806038",
      "id": "1565941374365806038",
      "created_at": "Sun Aug 06 02:49:02 +0000 2023",
      "full_text": "Bedankt voor alle inzendingen voor de tekenwedstrijd 🎨",
      "lang": "nl",
      "favorite_count": "70",
      "retweet_count": "12"
    }
  },
  {
    "tweet": {
      "id_str": "1522812599340653842",
      "id": "1522812599340653842",
      "created_at": "Sun Jan 07 10:20:12 +0000 2024",
      "full_text": "Welke k4nker heeft mijn fiets gepakt bij school?!",
      "lang": "nl",
      "favorite_count": "80",
      "retweet_count": "6"
    }
  },
  {
    "tweet": {
      "id_str": "1592106368392758023",
      "id": "1592106368392758023",
      "created_at": "Sat Aug 27 21:19:13 +0000 2022",
      "full_text": "Vandaag was het Paasontbijt 🐣 Smakelijk eten! Info &amp; aanmelden: zie de site.",
      "lang": "nl",
      "favorite_count": "22",
      "retweet_count": "1"
    }
  },
  {
    "tweet": {
      "id_str": "1538192669106854882",
      "id": "1538192669106854882",
      "created_at": "Mon Apr 10 12:52:40 +0000 2023",
      "full_text": "Onze leerlingenraad vergaderde vandaag over het schoolplein.",
      "lang": "nl",
      "favorite_count": "17",
      "retweet_count": "11",
      "extended_entities": {
        "media": [
          {
            "type": "photo",
            "id_str": "1538192669106854777",
            "media_url_https": "https://pbs.twimg.com/media/F4176214552.jpg"
          }
        ]
      }
    }
  },
  {
    "tweet": {
      "id_str": "1583930995460594518",
      "id": "1583930995460594518",
      "created_at": "Sat Jan 29 12:13:43 +0000 2022",
      "full_text": "Het rapport gaat vrijdag mee naar huis.",
      "lang": "nl",
      "favorite_count": "39",
      "retweet_count": "9"
    }
  }
]