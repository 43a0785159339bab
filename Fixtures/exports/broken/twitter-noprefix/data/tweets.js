[
  {
    "tweet": {
      "id_str": "1584532718322341370",
      "id": "1584532718322341370",
      "created_at": "Fri May 24 04:48:16 +0000 2024",
      "full_text": "Onze leerlingenraad vergaderde vandaag over het schoolplein.",
      "lang": "nl",
      "favorite_count": "9",
      "retweet_count": "8",
      "extended_entities": {
        "media": [
          {
            "type": "video",
            "id_str": "1584532718322341777",
            "media_url_https": "https://pbs.twimg.com/media/F6025381195.jpg"
          }
        ]
      }
    }
  },
  {
    "tweet": {
      "id_str": "1515226963882840533",
      "id": "1515226963882840533",
      "created_at": "Fri Sep 22 18:25:18 +0000 2023",
      "full_text": "Vanaf nu kunt u de kalender vinden op onze website. Info &amp; aanmelden: zie de site.",
      "lang": "nl",
      "favorite_count": "53",
      "retweet_count": "6"
    }
  },
  {
    "tweet": {
      "id_str": "1537855923570850725",
      "id": "1537855923570850725",
      "created_at": "Sun Jan 09 23:10:14 +0000 2022",
      "full_text": "Ook dit jaar doen we mee aan de Nationale Voorleesdagen 📖",
      "lang": "nl",
      "favorite_count": "21",
      "retweet_count": "8"
    }
  }
]