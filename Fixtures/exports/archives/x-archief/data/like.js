window.YTD.like.part0 = [
  {
    "like": {
      "tweetId": "1600000000000000001",
      "fullText": "Gemeente: de Kinderboekenweek begint!",
      "expandedUrl": "https://twitter.com/i/web/status/1600000000000000001"
    }
  },
  {
    "like": {
      "tweetId": "1600000000000000002",
      "fullText": "Bibliotheek: nieuwe boeken voor groep 3",
      "expandedUrl": "https://twitter.com/i/web/status/1600000000000000002"
    }
  }
]
