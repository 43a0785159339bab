window.YTD.tweet_headers.part0 = [
  {
    "tweet": {
      "tweet_id": "1700000000000000001",
      "user_id": "1500000001",
      "created_at": "Fri Mar 01 08:15:00 +0000 2024"
    }
  },
  {
    "tweet": {
      "tweet_id": "1700000000000000002",
      "user_id": "1500000001",
      "created_at": "Wed Mar 06 12:30:00 +0000 2024"
    }
  },
  {
    "tweet": {
      "tweet_id": "1700000000000000003",
      "user_id": "1500000001",
      "created_at": "Mon Mar 11 09:00:00 +0000 2024"
    }
  },
  {
    "tweet": {
      "tweet_id": "1700000000000000004",
      "user_id": "1500000001",
      "created_at": "Thu Mar 14 14:45:00 +0000 2024"
    }
  },
  {
    "tweet": {
      "tweet_id": "1700000000000000005",
      "user_id": "1500000001",
      "created_at": "Tue Mar 19 16:00:00 +0000 2024"
    }
  },
  {
    "tweet": {
      "tweet_id": "1700000000000000006",
      "user_id": "1500000001",
      "created_at": "Fri Mar 22 10:10:00 +0000 2024"
    }
  }
]
